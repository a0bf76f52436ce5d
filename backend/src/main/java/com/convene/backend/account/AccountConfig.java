package com.convene.backend.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Account settings, prefix `convene.account`; defaults in `application.yml`.
///
/// @param registrationEnabled whether `POST /api/v1/auth/register` is open to anyone (default `true`)
/// @param accessTokenTtl      lifetime of an access token, 1 min–24 h (default `15m`)
/// @param refreshTokenTtl     lifetime of a refresh token (default `30d`); each refresh issues a new one
/// @param maxFailedLogins     consecutive failed logins before the account locks, 1–100 (default 10)
/// @param lockDuration        how long a lock lasts (default `15m`)
/// @param loginRateLimit      login attempts one client address may make per window, 1–100,000 (default 30)
/// @param loginRateWindow     the rate-limit window (default `1m`)
/// @param argon2MemoryKib     argon2id memory cost in KiB, 8–4,194,304 (default 19,456)
/// @param argon2Iterations    argon2id passes, 1–10 (default 2)
/// @param argon2Parallelism   argon2id lanes, 1–16 (default 1)
@ConfigurationProperties("convene.account")
public record AccountConfig(
        @Bindable(defaultValue = "true") boolean registrationEnabled,
        @Bindable(defaultValue = "15m") @NotNull Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") @NotNull Duration refreshTokenTtl,
        @Bindable(defaultValue = "10") @Min(1) @Max(100) int maxFailedLogins,
        @Bindable(defaultValue = "15m") @NotNull Duration lockDuration,
        @Bindable(defaultValue = "30") @Min(1) @Max(100_000) int loginRateLimit,
        @Bindable(defaultValue = "1m") @NotNull Duration loginRateWindow,
        @Bindable(defaultValue = "19456") @Min(8) @Max(4_194_304) int argon2MemoryKib,
        @Bindable(defaultValue = "2") @Min(1) @Max(10) int argon2Iterations,
        @Bindable(defaultValue = "1") @Min(1) @Max(16) int argon2Parallelism) {
}
