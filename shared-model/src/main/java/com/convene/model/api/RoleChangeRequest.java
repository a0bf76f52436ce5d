package com.convene.model.api;

/// Body of `PUT /api/v1/users/{id}/role`.
///
/// @param role `admin` or `member`
public record RoleChangeRequest(String role) {
}
