package com.convene.backend.account;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Access-token revocation shared by every backend node through Redis, with this node's own memory as the fast
/// path and the fallback (docs/decisions/091-strict-tokens-and-refresh-families.md).
///
/// Three kinds of revocation, each a Redis key that lives exactly as long as the tokens it refuses can
/// (the access-token lifetime, or the token's remaining lifetime), so the deny-list never grows unbounded:
///
/// | key | value | refuses |
/// |---|---|---|
/// | `jwt_deny:{jti}` | `1` | one token (logout with the bearer token) |
/// | `jwt_family_revoked:{family}` | `1` | every token issued from one refresh-token family (logout, reuse) |
/// | `jwt_revoked_before:{user id}` | epoch ms | every token of a user issued before then (disable, role change) |
///
/// Tokens carry the issue instant in milliseconds in the private claim [#ISSUED_MILLIS] (the standard `iat` has
/// only seconds) and their family in [#FAMILY]. [#validate] (a claims validator, on the event loop) consults only
/// this node's memory; [#revoked] (blocking, called by [StrictTokenValidator] on a blocking thread) asks Redis.
/// While Redis does not answer, revocations made on other nodes are not seen (they were made there, and the
/// token's own lifetime, 15 min by default, bounds the gap): documented in docs/security.md. Thread-safe.
@Singleton
public class AccessTokenRevocations implements GenericJwtClaimsValidator<Object> {

    /// Private JWT claim: issue instant in milliseconds since the epoch.
    public static final String ISSUED_MILLIS = "iat_ms";
    /// Private JWT claim: the refresh-token family (one sign-in on one device) the token was issued from.
    public static final String FAMILY = "fam";

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenRevocations.class);

    private final Map<UUID, Instant> revokedBefore = new ConcurrentHashMap<>();
    private final Map<String, Instant> deniedUntil = new ConcurrentHashMap<>();
    private final AccountConfig config;
    private final RedisCommands<String, String> redis;

    AccessTokenRevocations(AccountConfig config, StatefulRedisConnection<String, String> connection) {
        this.config = config;
        this.redis = connection.sync();
    }

    /// Refuses every access token of `userId` issued before now, on every node. Blocking (Redis).
    public void revokeAll(UUID userId) {
        Instant now = Instant.now();
        revokedBefore.put(userId, now);
        forgetOld(now);
        write("jwt_revoked_before:" + userId, Long.toString(now.toEpochMilli()), lifetime());
    }

    /// Refuses every access token issued from refresh-token family `family`, on every node. Blocking (Redis).
    void revokeFamily(UUID family) {
        deniedUntil.put("fam:" + family, Instant.now().plus(lifetime()));
        write("jwt_family_revoked:" + family, "1", lifetime());
    }

    /// Refuses the one access token `jti` until it expires at `expiresAt`, on every node. Blocking (Redis).
    void revokeToken(String jti, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        deniedUntil.put("jti:" + jti, expiresAt);
        write("jwt_deny:" + jti, "1", left.plusSeconds(1));
    }

    /// Whether Redis (every node's revocations) refuses this token. Blocking: one `MGET` under the Redis deadline.
    /// When Redis does not answer, only this node's memory decides (see the type's doc).
    boolean revoked(UUID userId, @Nullable String jti, @Nullable UUID family, long issuedMillis) {
        if (revokedLocally(userId, jti, family, issuedMillis)) {
            return true;
        }
        List<KeyValue<String, String>> values;
        try {
            values = redis.mget("jwt_deny:" + (jti == null ? "-" : jti),
                    "jwt_family_revoked:" + (family == null ? "-" : family), "jwt_revoked_before:" + userId);
        } catch (RedisException e) {
            LOG.debug("Shared token revocations not checked, Redis unavailable: {}", e.toString());
            return false;
        }
        if (values.get(0).hasValue() || values.get(1).hasValue()) {
            return true;
        }
        if (values.get(2).hasValue()) {
            try {
                return issuedMillis < Long.parseLong(values.get(2).getValue());
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
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
        Object issued = claims.get(ISSUED_MILLIS);
        Object jti = claims.get("jti");
        Object family = claims.get(FAMILY);
        UUID familyId = null;
        try {
            familyId = family == null ? null : UUID.fromString(family.toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !revokedLocally(userId, jti == null ? null : jti.toString(), familyId,
                issued instanceof Number millis ? millis.longValue() : Long.MIN_VALUE);
    }

    private boolean revokedLocally(UUID userId, @Nullable String jti, @Nullable UUID family, long issuedMillis) {
        Instant now = Instant.now();
        Instant before = revokedBefore.get(userId);
        if (before != null && issuedMillis < before.toEpochMilli()) {
            return true;
        }
        return jti != null && now.isBefore(deniedUntil.getOrDefault("jti:" + jti, Instant.MIN))
                || family != null && now.isBefore(deniedUntil.getOrDefault("fam:" + family, Instant.MIN));
    }

    private void write(String key, String value, Duration ttl) {
        try {
            redis.set(key, value, SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            // the revocation holds on this node; other nodes refuse the token when it expires
            LOG.warn("Token revocation not shared, Redis unavailable: key={} error={}", key.substring(0,
                    key.indexOf(':')), e.toString());
        }
    }

    private Duration lifetime() {
        return config.accessTokenTtl().plusSeconds(60);
    }

    /// Forgets revocations older than any still-valid token.
    private void forgetOld(Instant now) {
        Instant horizon = now.minus(lifetime());
        revokedBefore.values().removeIf(at -> at.isBefore(horizon));
        deniedUntil.values().removeIf(until -> until.isBefore(now));
    }
}
