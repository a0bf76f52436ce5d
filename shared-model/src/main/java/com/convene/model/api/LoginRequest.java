package com.convene.model.api;

/// Body of `POST /api/v1/auth/login` (alias `POST /users/login`, seed 002).
///
/// @param username user name or e-mail address
/// @param password clear-text password
public record LoginRequest(String username, String password) {

    /// Hides the password from logs and debuggers.
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
