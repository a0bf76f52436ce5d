/// Start-up configuration that exists before the Micronaut context: the JWT signing secret.
///
/// Per-feature settings are `@ConfigurationProperties` records in their own packages (`convene.account`,
/// `convene.bootstrap.admin`, `convene.meeting`, `convene.room`); defaults are in `application.yml`.
@NullMarked
package com.convene.backend.config;

import org.jspecify.annotations.NullMarked;
