package com.convene.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/// Successful login: a bearer access token (a signed JWT, RFC 7519) in the OAuth 2.0 token-response shape
/// (RFC 6749 §5.1), plus the logged-in user.
///
/// @param accessToken the JWT to send as `Authorization: Bearer <token>` (RFC 6750 §2.1)
/// @param tokenType   always `Bearer`
/// @param expiresIn   lifetime of the token in seconds from issue, 60–86,400
/// @param user        the authenticated account
public record LoginResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        UserView user) {

    /// Hides the token from logs and debuggers.
    @Override
    public String toString() {
        return "LoginResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", user=" + user + "]";
    }
}
