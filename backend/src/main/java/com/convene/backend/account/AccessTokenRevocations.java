package com.convene.backend.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/// Refuses access tokens issued before their user's last revocation (account disabled, role changed), so a
/// short-lived JWT stops working at once instead of at its expiry.
///
/// Tokens carry the issue instant in milliseconds in the private claim [#ISSUED_MILLIS] (the standard `iat`
/// has only seconds: a login in the same second as a role change would be ambiguous). The revocation instants live
/// in this JVM's memory for one access-token lifetime; with several backend nodes, the other nodes honour a
/// revocation only through the short access-token lifetime (docs/decisions/030-tokens.md). Thread-safe.
@Singleton
public class AccessTokenRevocations implements GenericJwtClaimsValidator<Object> {

    /// Private JWT claim: issue instant in milliseconds since the epoch.
    public static final String ISSUED_MILLIS = "iat_ms";

    private final Map<UUID, Instant> revokedBefore = new ConcurrentHashMap<>();
    private final AccountConfig config;

    AccessTokenRevocations(AccountConfig config) {
        this.config = config;
    }

    /// Refuses every access token of `userId` issued before now.
    public void revokeAll(UUID userId) {
        Instant now = Instant.now();
        revokedBefore.put(userId, now);
        // forget revocations older than any still-valid token
        Instant horizon = now.minus(config.accessTokenTtl()).minusSeconds(60);
        revokedBefore.values().removeIf(at -> at.isBefore(horizon));
    }

    @Override
    public boolean validate(Claims claims, @Nullable Object request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (subject == null) {
            return true;
        }
        UUID userId;
        try {
            userId = UUID.fromString(subject.toString());
        } catch (IllegalArgumentException e) {
            return true;
        }
        Instant revoked = revokedBefore.get(userId);
        if (revoked == null) {
            return true;
        }
        Object issued = claims.get(ISSUED_MILLIS);
        if (!(issued instanceof Number millis)) {
            return false;
        }
        return millis.longValue() >= revoked.toEpochMilli();
    }
}
