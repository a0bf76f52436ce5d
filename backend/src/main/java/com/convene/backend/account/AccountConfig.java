package com.convene.backend.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/// Account settings, prefix `convene.account`; defaults in `application.yml`, explained in docs/security.md.
///
/// @param registrationEnabled        whether `POST /api/v1/auth/register` is open to anonymous callers (default
///                                   `false`: admins create accounts; docs/security.md)
/// @param registrationAllowedDomains when registration is open, only e-mail addresses of these domains
///                                   (`example.com`, case-insensitive, exact match) may register; empty: any
/// @param accessTokenTtl             lifetime of an access token, 1 min–24 h (default `15m`)
/// @param refreshTokenTtl            lifetime of a refresh token (default `30d`); each refresh issues a new one
/// @param signInFreeAttempts         sign-in attempts on one account from one address that pass without delay,
///                                   1–100 (default 5)
/// @param signInBaseDelay            the delay after the last free attempt; it doubles with every further
///                                   attempt (default `1s`)
/// @param signInMaxDelay             the longest delay between two attempts from one address (default `5m`)
/// @param signInWindow               how long an account's attempt counts are kept after its last attempt
///                                   (default `15m`)
/// @param signInAlertThreshold       attempts on one account from all addresses within the window that alert
///                                   the admins (audit event `signin.attack` and a WARN log), 1–1,000,000
///                                   (default 20)
/// @param tokenAccountCacheTtl       how long a node trusts its cached copy of an account's status and role when
///                                   checking access tokens (default `5s`; disabling on the same node, or
///                                   through Redis on any node, acts at once)
/// @param loginRateLimit             sign-in attempts one client address may make per window, whatever the
///                                   account, 1–100,000 (default 30)
/// @param loginRateWindow            the per-address rate-limit window (default `1m`)
/// @param argon2MemoryKib            argon2id memory cost in KiB, 8–4,194,304 (default 19,456)
/// @param argon2Iterations           argon2id passes, 1–10 (default 2)
/// @param argon2Parallelism          argon2id lanes, 1–16 (default 1)
@ConfigurationProperties("convene.account")
public record AccountConfig(
        @Bindable(defaultValue = "false") boolean registrationEnabled,
        @Bindable(defaultValue = "") List<String> registrationAllowedDomains,
        @Bindable(defaultValue = "15m") @NotNull Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") @NotNull Duration refreshTokenTtl,
        @Bindable(defaultValue = "5") @Min(1) @Max(100) int signInFreeAttempts,
        @Bindable(defaultValue = "1s") @NotNull Duration signInBaseDelay,
        @Bindable(defaultValue = "5m") @NotNull Duration signInMaxDelay,
        @Bindable(defaultValue = "15m") @NotNull Duration signInWindow,
        @Bindable(defaultValue = "20") @Min(1) @Max(1_000_000) int signInAlertThreshold,
        @Bindable(defaultValue = "5s") @NotNull Duration tokenAccountCacheTtl,
        @Bindable(defaultValue = "30") @Min(1) @Max(100_000) int loginRateLimit,
        @Bindable(defaultValue = "1m") @NotNull Duration loginRateWindow,
        @Bindable(defaultValue = "19456") @Min(8) @Max(4_194_304) int argon2MemoryKib,
        @Bindable(defaultValue = "2") @Min(1) @Max(10) int argon2Iterations,
        @Bindable(defaultValue = "1") @Min(1) @Max(16) int argon2Parallelism) {

    /// Normalises the domain list: lower case, no blanks, no leading `@`.
    public AccountConfig {
        registrationAllowedDomains = registrationAllowedDomains == null ? List.of()
                : registrationAllowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                        .map(d -> d.startsWith("@") ? d.substring(1) : d).filter(d -> !d.isEmpty()).toList();
    }
}
