package com.convene.backend.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `users` (seed 000). `username` and `email` are stored lower-case.
///
/// @param userId      primary key
/// @param email       lower-case, unique
/// @param username    lower-case, unique
/// @param displayName shown to other participants
/// @param avatarUrl   optional picture URL
/// @param timezone    IANA zone id
/// @param language    BCP 47 tag
/// @param accountType plan tier, seed default `basic`
/// @param status      `active`, `suspended` or `deleted`
/// @param createdAt   creation instant
/// @param updatedAt   last change
/// @param lastLoginAt last successful login
/// @param role        `admin` or `member`
@MappedEntity("users")
record User(
        @Id UUID userId,
        String email,
        String username,
        String displayName,
        @Nullable String avatarUrl,
        String timezone,
        String language,
        String accountType,
        String status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastLoginAt,
        String role) {

    /// Status of a usable account.
    static final String ACTIVE = "active";
}
