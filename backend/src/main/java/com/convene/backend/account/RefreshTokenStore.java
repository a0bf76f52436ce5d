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
import java.util.UUID;
import javax.sql.DataSource;

/// Refresh tokens in PostgreSQL table `refresh_tokens` (RFC 6749 §6), rotated on every use and grouped in
/// families that are revoked as a whole when a spent token comes back (RFC 9700 §4.14.2;
/// docs/decisions/030-access-and-refresh-tokens.md, 091-strict-tokens-and-refresh-families.md).
///
/// | column | value |
/// |---|---|
/// | `token_hash` | hex SHA-256 of the token, 64 characters (primary key) |
/// | `user_id` | the owner |
/// | `family_id` | one sign-in on one device: the login's token and all its rotations |
/// | `expires_at` | issue time plus `convene.account.refresh-token-ttl` |
/// | `used_at` | when it was exchanged, or `null` while it is the family's live token |
///
/// PostgreSQL, not Redis, so that a Redis restart (the project's Redis keeps nothing on disk) signs nobody out.
/// Only hashes are stored, so a database dump cannot be replayed. A token is spent with
/// `UPDATE … WHERE used_at IS NULL RETURNING` (atomic: two concurrent refreshes with the same token cannot both
/// succeed; the loser is treated as reuse). Tokens issued before this store existed are still honoured once from
/// Redis ([LegacyRefreshTokens]).
///
/// Blocking (JDBC): call from a blocking executor. Thread-safe.
@Singleton
class RefreshTokenStore {

    private static final String INSERT = """
            INSERT INTO refresh_tokens (token_hash, user_id, family_id, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?)""";
    private static final String PURGE_EXPIRED = """
            DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at <= ?""";
    private static final String SPEND = """
            UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL
            RETURNING user_id, family_id, expires_at""";
    private static final String FIND_SPENT = """
            SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = ? AND used_at IS NOT NULL""";
    private static final String REVOKE_FAMILY = """
            DELETE FROM refresh_tokens WHERE family_id = ?""";
    private static final String REVOKE_ALL = """
            DELETE FROM refresh_tokens WHERE user_id = ? AND used_at IS NULL AND expires_at > ?""";
    private static final String DELETE_USER = """
            DELETE FROM refresh_tokens WHERE user_id = ?""";

    /// What presenting a refresh token found.
    sealed interface Spent permits Valid, Reused, Unknown {
    }

    /// The family's live token, now spent: issue the next one in `familyId`.
    record Valid(UUID userId, UUID familyId) implements Spent {
    }

    /// A token that was already spent came back: its family has been revoked (theft or a replay).
    record Reused(UUID userId, UUID familyId) implements Spent {
    }

    /// Unknown, expired or revoked.
    record Unknown() implements Spent {
    }

    private final DataSource dataSource;
    private final AccountConfig config;
    private final LegacyRefreshTokens legacy;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(DataSource dataSource, AccountConfig config, LegacyRefreshTokens legacy) {
        this.dataSource = dataSource;
        this.config = config;
        this.legacy = legacy;
    }

    /// Issues a new refresh token for `userId` in `familyId` (a new UUID for a sign-in): 32 random bytes,
    /// base64url (43 characters). Also drops the user's expired tokens.
    ///
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    String issue(UUID userId, UUID familyId) {
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
                insert.setObject(3, familyId);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now.plus(config.refreshTokenTtl())));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return token;
    }

    /// Spends a token. A token already spent revokes its whole family (every row of it is deleted) and answers
    /// [Reused]; a legacy Redis token answers [Valid] in a new family.
    ///
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    Spent spend(String token) {
        String hash = hash(token);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement spend = c.prepareStatement(SPEND)) {
                spend.setTimestamp(1, Timestamp.from(now));
                spend.setString(2, hash);
                try (ResultSet rs = spend.executeQuery()) {
                    if (rs.next()) {
                        boolean live = rs.getTimestamp(3).toInstant().isAfter(now);
                        return live ? new Valid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))
                                : new Unknown();
                    }
                }
            }
            try (PreparedStatement spent = c.prepareStatement(FIND_SPENT)) {
                spent.setString(1, hash);
                try (ResultSet rs = spent.executeQuery()) {
                    if (rs.next()) {
                        UUID userId = rs.getObject(1, UUID.class);
                        UUID family = rs.getObject(2, UUID.class);
                        revokeFamily(c, family);
                        return new Reused(userId, family);
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return legacy.consume(hash).<Spent>map(userId -> new Valid(userId, UUID.randomUUID()))
                .orElseGet(Unknown::new);
    }

    /// Deletes every token of `familyId` (logout of one device).
    ///
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    void revokeFamily(UUID familyId) {
        try (Connection c = dataSource.getConnection()) {
            revokeFamily(c, familyId);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /// Deletes every refresh token of `userId` (and any it still has in Redis from before this store).
    ///
    /// @return how many were live
    /// @throws AccountException `service-unavailable` when PostgreSQL fails
    @Transactional
    long revokeAll(UUID userId) {
        long deleted;
        try (Connection c = dataSource.getConnection(); PreparedStatement live = c.prepareStatement(REVOKE_ALL)) {
            live.setObject(1, userId);
            live.setTimestamp(2, Timestamp.from(Instant.now()));
            deleted = live.executeUpdate();
            try (PreparedStatement rest = c.prepareStatement(DELETE_USER)) {
                rest.setObject(1, userId);
                rest.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return deleted + legacy.revokeAll(userId);
    }

    private static void revokeFamily(Connection c, UUID familyId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(REVOKE_FAMILY)) {
            delete.setObject(1, familyId);
            delete.executeUpdate();
        }
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
