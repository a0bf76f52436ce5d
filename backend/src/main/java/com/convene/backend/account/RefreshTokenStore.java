package com.convene.backend.account;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/// Refresh tokens in PostgreSQL table `refresh_tokens` (RFC 6749 §6, rotated on every use as RFC 9700 §4.14.2
/// recommends; docs/decisions/030-access-and-refresh-tokens.md).
///
/// | column | value |
/// |---|---|
/// | `token_hash` | hex SHA-256 of the token, 64 characters (primary key) |
/// | `user_id` | the owner |
/// | `expires_at` | issue time plus `convene.account.refresh-token-ttl` |
///
/// PostgreSQL, not Redis, so that a Redis restart (the project's Redis keeps nothing on disk) signs nobody out.
/// Only hashes are stored, so a database dump cannot be replayed. A token is spent with `DELETE … RETURNING`
/// (atomic: two concurrent refreshes with the same token cannot both succeed). Tokens issued before this store
/// existed are still honoured once from Redis ([LegacyRefreshTokens]).
///
/// Blocking (JDBC): call from a blocking executor. Thread-safe.
@Singleton
class RefreshTokenStore {

    private static final String INSERT = """
            INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)""";
    private static final String PURGE_EXPIRED = """
            DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at <= ?""";
    private static final String CONSUME = """
            DELETE FROM refresh_tokens WHERE token_hash = ? RETURNING user_id, expires_at""";
    private static final String REVOKE_ALL = """
            DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at > ?""";

    private final DataSource dataSource;
    private final AccountConfig config;
    private final LegacyRefreshTokens legacy;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(DataSource dataSource, AccountConfig config, LegacyRefreshTokens legacy) {
        this.dataSource = dataSource;
        this.config = config;
        this.legacy = legacy;
    }

    /// Issues a new refresh token for `userId`: 32 random bytes, base64url (43 characters). Also drops the user's
    /// expired tokens, so the table holds at most the live tokens of each user plus those of idle users.
    ///
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    String issue(UUID userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement(PURGE_EXPIRED)) {
                purge.setObject(1, userId);
                purge.setTimestamp(2, Timestamp.from(now));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, hash(token));
                insert.setObject(2, userId);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now.plus(config.refreshTokenTtl())));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return token;
    }

    /// Consumes a token: returns its user and deletes it, or empty when unknown, expired or already used.
    ///
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    Optional<UUID> consume(String token) {
        String hash = hash(token);
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(CONSUME)) {
            delete.setString(1, hash);
            try (ResultSet rs = delete.executeQuery()) {
                if (rs.next()) {
                    UUID userId = rs.getObject(1, UUID.class);
                    boolean live = rs.getTimestamp(2).toInstant().isAfter(Instant.now());
                    return live ? Optional.of(userId) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return legacy.consume(hash);
    }

    /// Deletes every refresh token of `userId` (and any it still has in Redis from before this store).
    ///
    /// @return how many were live
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    long revokeAll(UUID userId) {
        long deleted;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(REVOKE_ALL)) {
            delete.setObject(1, userId);
            delete.setTimestamp(2, Timestamp.from(Instant.now()));
            deleted = delete.executeUpdate();
            try (PreparedStatement purge = c.prepareStatement(PURGE_EXPIRED)) {
                purge.setObject(1, userId);
                purge.setTimestamp(2, Timestamp.from(Instant.now()));
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return deleted + legacy.revokeAll(userId);
    }

    /// Hex SHA-256 of `token` (UTF-8), 64 characters.
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static AccountException unavailable(SQLException e) {
        return new AccountException(com.convene.backend.problem.ProblemType.SERVICE_UNAVAILABLE,
                "Sign-in is unavailable right now; try again in a minute.", e);
    }
}
