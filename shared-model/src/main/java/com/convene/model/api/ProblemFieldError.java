package com.convene.model.api;

/// One invalid request field inside a [Problem] of type `urn:convene:problem:validation`.
///
/// @param field   JSON name of the offending member, e.g. `title`, or a query parameter name
/// @param message safe, English explanation, e.g. `must not be blank`
public record ProblemFieldError(String field, String message) {
}
