/// Dev services: the backing services the project starts by itself where no Docker engine exists.
///
/// [com.convene.backend.devservices.DevServices] runs an embedded PostgreSQL 18 (zonky binaries) and a
/// `redis-server` child process on free loopback ports. Used by `Application.main` in development and once per
/// test JVM by the tests; production points the backend at real services through environment variables instead.
@NullMarked
package com.convene.backend.devservices;

import org.jspecify.annotations.NullMarked;
