package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// `meetings` table access. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MeetingRepository extends CrudRepository<Meeting, UUID> {

    Optional<Meeting> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);

    /// Meetings of one host (or all when `hostUserId` is `null`) whose scheduled start lies in `[from, to)`
    /// (either bound optional). Upcoming first (not over, not cancelled: soonest start first), then the rest
    /// (latest start first).
    ///
    /// @param limit at most this many rows, 1–500
    @Query(value = """
            SELECT m.* FROM meetings m
            WHERE (CAST(:hostUserId AS uuid) IS NULL OR m.host_user_id = CAST(:hostUserId AS uuid))
              AND (CAST(:from AS timestamptz) IS NULL OR m.scheduled_start_time >= CAST(:from AS timestamptz))
              AND (CAST(:to AS timestamptz) IS NULL OR m.scheduled_start_time < CAST(:to AS timestamptz))
            ORDER BY
              CASE WHEN m.status IN ('scheduled', 'live')
                    AND (m.scheduled_end_time IS NULL OR m.scheduled_end_time >= now()) THEN 0 ELSE 1 END,
              CASE WHEN m.status IN ('scheduled', 'live')
                    AND (m.scheduled_end_time IS NULL OR m.scheduled_end_time >= now())
                   THEN m.scheduled_start_time END ASC NULLS LAST,
              m.scheduled_start_time DESC NULLS LAST,
              m.created_at DESC
            LIMIT :limit""", nativeQuery = true)
    List<Meeting> list(@Nullable UUID hostUserId, @Nullable Instant from, @Nullable Instant to, int limit);

    @Query("UPDATE meetings SET status = :status, updated_at = :now WHERE meeting_id = :meetingId")
    long updateStatus(UUID meetingId, String status, Instant now);

    /// Marks a scheduled meeting live and records its actual start, once.
    @Query("""
            UPDATE meetings SET status = 'live', actual_start_time = COALESCE(actual_start_time, :now), updated_at = :now
            WHERE meeting_id = :meetingId AND status = 'scheduled'""")
    long markLive(UUID meetingId, Instant now);

    /// Marks a live meeting ended with its actual end and duration in whole minutes (rounded).
    @Query("""
            UPDATE meetings SET status = 'ended', actual_end_time = :now, updated_at = :now,
              duration_minutes = CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz)
                  - COALESCE(actual_start_time, CAST(:now AS timestamptz)))) / 60) AS integer)
            WHERE meeting_id = :meetingId AND status = 'live'""")
    long markEnded(UUID meetingId, Instant now);
}
