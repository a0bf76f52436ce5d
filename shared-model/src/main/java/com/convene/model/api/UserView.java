package com.convene.model.api;

import java.time.Instant;
import java.util.UUID;

/// An account as the API shows it; never carries credentials.
///
/// @param id          user id (`users.user_id`)
/// @param username    login name
/// @param email       e-mail address
/// @param displayName name shown to other participants
/// @param role        `admin` or `member`
/// @param timeZone    IANA zone id, e.g. `UTC`
/// @param language    BCP 47 language tag, e.g. `en`
/// @param status      `active`, `suspended` or `deleted`
/// @param createdAt   when the account was created
/// @param lastLoginAt last successful login, `null` before the first
/// @param avatarUrl   picture URL (http or https), or `null`
public record UserView(
        UUID id,
        String username,
        String email,
        String displayName,
        String role,
        String timeZone,
        String language,
        String status,
        Instant createdAt,
        Instant lastLoginAt,
        String avatarUrl) {

    /// A view without an avatar (the form before profiles had one).
    public UserView(UUID id, String username, String email, String displayName, String role, String timeZone,
                    String language, String status, Instant createdAt, Instant lastLoginAt) {
        this(id, username, email, displayName, role, timeZone, language, status, createdAt, lastLoginAt, null);
    }
}
