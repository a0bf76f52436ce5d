package com.convene.model.api;

/// Body of `POST /api/v1/users` (administrators only): like [RegisterRequest] plus the role.
///
/// @param username    login name, 3–100 characters of `[A-Za-z0-9._-]`, unique (case-insensitive)
/// @param email       e-mail address, at most 255 characters, unique (case-insensitive)
/// @param password    initial clear-text password, 10–256 characters; only its argon2id hash is stored
/// @param displayName at most 200 characters; defaults to `username`
/// @param timeZone    IANA zone id; default `UTC`
/// @param role        `admin` or `member`; default `member`
public record UserCreateRequest(String username, String email, String password, String displayName, String timeZone,
                                String role) {

    /// Hides the password from logs and debuggers.
    @Override
    public String toString() {
        return "UserCreateRequest[username=" + username + ", email=" + email + ", password=***, role=" + role + "]";
    }
}
