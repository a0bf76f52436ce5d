package com.convene.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/// Successful login: a bearer access token (a signed JWT, RFC 7519) in the OAuth 2.0 token-response shape
/// (RFC 6749 §5.1), plus the logged-in user.
///
/// @param accessToken the JWT to send as `Authorization: Bearer <token>` (RFC 6750 §2.1)
/// @param tokenType   always `Bearer`
/// @param expiresIn   lifetime of the token in seconds from issue, 60–86,400
/// @param user        the authenticated account
/// @param refreshToken opaque single-use token for `POST /api/v1/auth/refresh` (RFC 6749 §6), or `null`;
///                     each use returns a new one and invalidates the old (rotation)
/// @param refreshExpiresIn lifetime of the refresh token in seconds from issue, or `null`
public record LoginResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        UserView user,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") Long refreshExpiresIn) {

    /// A response without a refresh token (the form before refresh tokens existed).
    public LoginResponse(String accessToken, String tokenType, long expiresIn, UserView user) {
        this(accessToken, tokenType, expiresIn, user, null, null);
    }

    /// Hides the token from logs and debuggers.
    @Override
    public String toString() {
        return "LoginResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", user=" + user
                + ", refreshToken=***]";
    }
}
