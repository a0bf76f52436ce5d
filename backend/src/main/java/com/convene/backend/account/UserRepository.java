package com.convene.backend.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// `users` table access. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<User, UUID> {

    Optional<User> findByUsername(String username);

    Optional<User> findByEmail(String email);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    boolean existsByRole(String role);

    void update(@Id UUID userId, @Nullable Instant lastLoginAt);

    /// One page of accounts ordered by user name, after `afterUsername` (exclusive) when given, optionally only
    /// one status and role.
    ///
    /// @param limit at most this many rows, 1–501
    @Query(value = """
            SELECT u.* FROM users u
            WHERE (CAST(:afterUsername AS text) IS NULL OR u.username > CAST(:afterUsername AS text))
              AND (CAST(:status AS text) IS NULL OR u.status = CAST(:status AS text))
              AND (CAST(:role AS text) IS NULL OR u.role = CAST(:role AS text))
            ORDER BY u.username
            LIMIT :limit""", nativeQuery = true)
    List<User> page(@Nullable String afterUsername, @Nullable String status, @Nullable String role, int limit);

    @Query("UPDATE users SET status = :status, updated_at = :now WHERE user_id = :userId")
    long updateStatus(UUID userId, String status, Instant now);

    @Query("UPDATE users SET role = :role, updated_at = :now WHERE user_id = :userId")
    long updateRole(UUID userId, String role, Instant now);

    @Query("""
            UPDATE users SET display_name = :displayName, timezone = :timezone, language = :language,
              avatar_url = :avatarUrl, updated_at = :now
            WHERE user_id = :userId""")
    long updateProfile(UUID userId, String displayName, String timezone, String language, @Nullable String avatarUrl,
                       Instant now);
}
