/// Start-up configuration that exists before the Micronaut context (the JWT signing secret), and the HTTP edge
/// settings every feature shares: the client address behind trusted proxies ([ClientAddress], RFC 7239) and
/// strict JSON request bodies ([StrictRequestJson]); docs/security.md.
///
/// Per-feature settings are `@ConfigurationProperties` records in their own packages (`convene.account`,
/// `convene.bootstrap.admin`, `convene.meeting`, `convene.room`); defaults are in `application.yml`.
@NullMarked
package com.convene.backend.config;

import org.jspecify.annotations.NullMarked;
