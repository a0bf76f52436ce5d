package com.convene.backend.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `user_auth` (seed 004): one account's credentials and lockout state.
///
/// @param userId              the account
/// @param passwordHash        argon2id PHC string
/// @param salt                the PHC salt again (seed column, informational)
/// @param twoFactorEnabled    reserved, always `false` for now
/// @param twoFactorSecret     reserved
/// @param failedLoginAttempts consecutive failures since the last success, 0–
/// @param lockedUntil         logins are refused until this instant, or `null`
/// @param passwordChangedAt   when the hash was last set
@MappedEntity("user_auth")
record UserAuth(
        @Id UUID userId,
        String passwordHash,
        String salt,
        boolean twoFactorEnabled,
        @Nullable String twoFactorSecret,
        int failedLoginAttempts,
        @Nullable Instant lockedUntil,
        Instant passwordChangedAt) {
}
