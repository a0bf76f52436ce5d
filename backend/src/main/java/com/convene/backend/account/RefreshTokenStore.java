package com.convene.backend.account;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/// Refresh tokens in Redis (RFC 6749 §6, rotated on every use as RFC 9700 §4.14.2 recommends).
///
/// | key | value | expiry |
/// |---|---|---|
/// | `refresh_token:{sha256(token)}` | user id | `convene.account.refresh-token-ttl` |
/// | `user_refresh_tokens:{user_id}` | set of the user's token hashes | same, renewed on each issue |
///
/// Only SHA-256 hashes of tokens are stored, so a Redis dump cannot be replayed. A token is consumed with
/// `GETDEL` (atomic), so two concurrent refreshes with the same token cannot both succeed.
///
/// Blocking (Lettuce synchronous API): call from a blocking executor. Thread-safe.
@Singleton
class RefreshTokenStore {

    private final RedisCommands<String, String> redis;
    private final AccountConfig config;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(StatefulRedisConnection<String, String> connection, AccountConfig config) {
        this.redis = connection.sync();
        this.config = config;
    }

    /// Issues a new refresh token for `userId`: 32 random bytes, base64url.
    String issue(UUID userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        long ttl = config.refreshTokenTtl().toSeconds();
        redis.setex(tokenKey(hash), ttl, userId.toString());
        redis.sadd(userKey(userId), hash);
        redis.expire(userKey(userId), ttl);
        return token;
    }

    /// Consumes a token: returns its user and deletes it, or empty when unknown, expired or already used.
    Optional<UUID> consume(String token) {
        String hash = hash(token);
        String user = redis.getdel(tokenKey(hash));
        if (user == null) {
            return Optional.empty();
        }
        UUID userId = UUID.fromString(user);
        redis.srem(userKey(userId), hash);
        return Optional.of(userId);
    }

    /// Deletes every refresh token of `userId`.
    ///
    /// @return how many were live
    long revokeAll(UUID userId) {
        Set<String> hashes = redis.smembers(userKey(userId));
        long deleted = hashes.isEmpty() ? 0 : redis.del(hashes.stream().map(RefreshTokenStore::tokenKey)
                .toArray(String[]::new));
        redis.del(userKey(userId));
        return deleted;
    }

    private static String tokenKey(String hash) {
        return "refresh_token:" + hash;
    }

    private static String userKey(UUID userId) {
        return "user_refresh_tokens:" + userId;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
