/// Convene backend: the Micronaut application (REST accounts and meetings, Redis room state).
///
/// Features live in their own packages: `account`, `meeting`, `room`, `problem`, `config`, `devservices`.
@NullMarked
package com.convene.backend;

import org.jspecify.annotations.NullMarked;
