package com.convene.backend.account;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Refresh tokens issued before they moved to PostgreSQL, still in Redis as `refresh_token:{sha256}` → user id
/// and `user_refresh_tokens:{user_id}` → set of hashes (docs/decisions/030-access-and-refresh-tokens.md). They are
/// honoured once each, so an upgrade signs nobody out; nothing new is written here. Removable once every such
/// token has expired (one `refresh-token-ttl`, 30 days, after the upgrade).
///
/// Best effort: a Redis failure counts as "no such token". Blocking (Lettuce synchronous API). Thread-safe.
@Singleton
class LegacyRefreshTokens {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyRefreshTokens.class);

    private final RedisCommands<String, String> redis;

    LegacyRefreshTokens(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /// Spends the Redis token with SHA-256 `hash` (`GETDEL`, atomic); empty when unknown or Redis is unreachable.
    Optional<UUID> consume(String hash) {
        try {
            String user = redis.getdel(tokenKey(hash));
            if (user == null) {
                return Optional.empty();
            }
            UUID userId = UUID.fromString(user);
            redis.srem(userKey(userId), hash);
            return Optional.of(userId);
        } catch (RedisException | IllegalArgumentException e) {
            LOG.debug("Legacy refresh token not checked: {}", e.toString());
            return Optional.empty();
        }
    }

    /// Deletes `userId`'s Redis tokens; returns how many there were (0 when Redis is unreachable).
    long revokeAll(UUID userId) {
        try {
            Set<String> hashes = redis.smembers(userKey(userId));
            long deleted = hashes.isEmpty() ? 0
                    : redis.del(hashes.stream().map(LegacyRefreshTokens::tokenKey).toArray(String[]::new));
            redis.del(userKey(userId));
            return deleted;
        } catch (RedisException e) {
            LOG.warn("Legacy refresh tokens not revoked in Redis userId={}: {}", userId, e.toString());
            return 0;
        }
    }

    static String tokenKey(String hash) {
        return "refresh_token:" + hash;
    }

    static String userKey(UUID userId) {
        return "user_refresh_tokens:" + userId;
    }
}
