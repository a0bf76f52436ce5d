/// Dev services: the backing services the project starts by itself where no Docker engine exists.
///
/// [com.convene.backend.devservices.DevServices] runs an embedded PostgreSQL 18 (zonky binaries), a
/// `redis-server` child process and a Cassandra child JVM on free loopback ports. Used by `Application.main` in
/// development and once per test JVM by the tests; production points the backend at real services through
/// environment variables instead. Every service process ends with the JVM that started it, SIGKILL included,
/// through a watchdog process and a pid file per service (docs/decisions/087-dev-services-die-with-parent.md).
@NullMarked
package com.convene.backend.devservices;

import org.jspecify.annotations.NullMarked;
