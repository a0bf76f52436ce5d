/// Error handling: every error leaves the backend as `application/problem+json` (RFC 9457) with a stable
/// `urn:convene:problem:<slug>` type, a fixed title and a user-safe detail; the types are listed in `docs/problems.md`.
///
/// Feature exception roots extend [com.convene.backend.problem.ProblemException]; framework errors (routing,
/// JSON parsing, bean validation, security's 401/403) pass through
/// [com.convene.backend.problem.ProblemErrorResponseProcessor].
@NullMarked
package com.convene.backend.problem;

import org.jspecify.annotations.NullMarked;
