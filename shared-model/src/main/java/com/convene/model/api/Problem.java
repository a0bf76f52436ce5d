package com.convene.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/// An error body, `application/problem+json` (RFC 9457 §3).
///
/// Clients branch on `type` only; `title` is fixed per type and `detail` is safe to show a user.
///
/// @param type     stable URI `urn:convene:problem:<slug>`, listed in `docs/problems.md` (RFC 9457 §3.1.1)
/// @param title    fixed, short summary of the type (RFC 9457 §3.1.3)
/// @param status   HTTP status code, 400–599 (RFC 9457 §3.1.2)
/// @param detail   explanation of this occurrence, safe for users; may be `null` (RFC 9457 §3.1.4)
/// @param instance request path the problem occurred on, or `null` (RFC 9457 §3.1.5)
/// @param errors   field-level errors of a `validation` problem (an extension member, RFC 9457 §3.2), else `null`
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<ProblemFieldError> errors) {
}
