package com.convene.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/// Body of `POST /api/v1/auth/refresh` and `POST /api/v1/auth/logout`.
///
/// @param refreshToken the refresh token from the last [LoginResponse] (single use: refreshing rotates it)
public record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {

    /// Hides the token from logs and debuggers.
    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
