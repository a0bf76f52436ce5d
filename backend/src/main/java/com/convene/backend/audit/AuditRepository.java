package com.convene.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/// `audit_log` access: insert and page, newest first. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    /// Appends an entry; the address text is cast to `INET` (the caller passes only parsed IP literals).
    @Query("""
            INSERT INTO audit_log (actor_user_id, actor_username, action, target_type, target_id, http_method, path,
              status_code, ip_address, user_agent)
            VALUES (:actorUserId, :actorUsername, :action, :targetType, :targetId, :httpMethod, :path, :statusCode,
              CAST(:ipAddress AS inet), :userAgent)""")
    void append(@Nullable UUID actorUserId, @Nullable String actorUsername, String action, @Nullable String targetType,
                @Nullable String targetId, String httpMethod, String path, int statusCode, @Nullable String ipAddress,
                @Nullable String userAgent);

    /// Entries with `audit_id < before` (all when `before` is `null`), optionally of one actor and one action,
    /// newest first.
    ///
    /// @param limit at most this many rows, 1–501
    @Query(value = """
            SELECT audit_id, occurred_at, actor_user_id, actor_username, action, target_type, target_id, http_method,
              path, status_code, host(ip_address) AS ip_address, user_agent
            FROM audit_log
            WHERE (CAST(:before AS bigint) IS NULL OR audit_id < CAST(:before AS bigint))
              AND (CAST(:actor AS uuid) IS NULL OR actor_user_id = CAST(:actor AS uuid))
              AND (CAST(:action AS text) IS NULL OR action = CAST(:action AS text))
            ORDER BY audit_id DESC
            LIMIT :limit""", nativeQuery = true)
    List<AuditEntry> page(@Nullable Long before, @Nullable UUID actor, @Nullable String action, int limit);
}
