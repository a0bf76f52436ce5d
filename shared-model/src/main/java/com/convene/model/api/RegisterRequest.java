package com.convene.model.api;

/// Body of `POST /api/v1/auth/register` (alias `POST /users/register`, seed 002).
///
/// The backend validates the fields and answers `urn:convene:problem:validation` with field errors.
///
/// @param username    login name, 3–100 characters of `[A-Za-z0-9._-]`, unique (case-insensitive)
/// @param email       e-mail address, at most 255 characters, unique (case-insensitive)
/// @param password    clear-text password, 10–256 characters; only its argon2id hash is stored
/// @param displayName name shown to other participants, at most 200 characters; defaults to `username` when absent
/// @param timeZone    IANA zone id such as `Europe/Berlin`; defaults to `UTC` when absent
public record RegisterRequest(String username, String email, String password, String displayName, String timeZone) {

    /// Hides the password from logs and debuggers.
    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", email=" + email + ", password=***, displayName="
                + displayName + ", timeZone=" + timeZone + "]";
    }
}
