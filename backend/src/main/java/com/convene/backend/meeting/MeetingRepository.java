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

    /// One page of meetings visible to `viewer` (hosted by or inviting them; every meeting when `viewer` is
    /// `null`), filtered, in order of scheduled start (creation for instant meetings) and id, after the cursor.
    ///
    /// A recurring series passes the `from` bound whatever its first start, since later occurrences may lie in
    /// the range (`GET /api/v1/meetings/{id}/occurrences` lists them).
    ///
    /// @param limit at most this many rows, 1–501
    @Query(value = """
            SELECT m.* FROM meetings m
            WHERE (CAST(:viewer AS uuid) IS NULL OR m.host_user_id = CAST(:viewer AS uuid)
                   OR EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.meeting_id
                              AND p.user_id = CAST(:viewer AS uuid) AND p.status = 'invited'))
              AND (CAST(:host AS uuid) IS NULL OR m.host_user_id = CAST(:host AS uuid))
              AND (CAST(:status AS text) IS NULL OR m.status = CAST(:status AS text))
              AND (CAST(:from AS timestamptz) IS NULL OR m.scheduled_start_time >= CAST(:from AS timestamptz)
                   OR m.recurrence_rule IS NOT NULL)
              AND (CAST(:to AS timestamptz) IS NULL OR m.scheduled_start_time < CAST(:to AS timestamptz))
              AND (CAST(:afterStart AS timestamptz) IS NULL
                   OR (COALESCE(m.scheduled_start_time, m.created_at), m.meeting_id)
                      > (CAST(:afterStart AS timestamptz), CAST(:afterId AS uuid)))
            ORDER BY COALESCE(m.scheduled_start_time, m.created_at), m.meeting_id
            LIMIT :limit""", nativeQuery = true)
    List<Meeting> page(@Nullable UUID viewer, @Nullable UUID host, @Nullable String status, @Nullable Instant from,
                       @Nullable Instant to, @Nullable Instant afterStart, @Nullable UUID afterId, int limit);

    @Query("UPDATE meetings SET status = :status, updated_at = :now WHERE meeting_id = :meetingId")
    long updateStatus(UUID meetingId, String status, Instant now);

    /// Marks a scheduled meeting live and records its actual start, once.
    @Query("""
            UPDATE meetings SET status = 'live', actual_start_time = COALESCE(actual_start_time, :now), updated_at = :now
            WHERE meeting_id = :meetingId AND status = 'scheduled'""")
    long markLive(UUID meetingId, Instant now);

    /// Marks a live meeting ended with its actual end and duration in whole minutes (rounded); a recurring
    /// series goes back to `scheduled` for its next occurrence (the actual times keep the last session).
    @Query("""
            UPDATE meetings SET status = CASE WHEN recurrence_rule IS NULL THEN 'ended' ELSE 'scheduled' END, actual_end_time = :now, updated_at = :now,
              duration_minutes = CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz)
                  - COALESCE(actual_start_time, CAST(:now AS timestamptz)))) / 60) AS integer)
            WHERE meeting_id = :meetingId AND status = 'live'""")
    long markEnded(UUID meetingId, Instant now);

    /// Ids of the meetings whose status is `live`, for the lifecycle reaper.
    @Query(value = "SELECT meeting_id FROM meetings WHERE status = 'live'", nativeQuery = true)
    List<UUID> findLiveMeetingIds();

    /// Ends a live meeting that nobody is in and that has been quiet since `quietBefore`: no `joined` row without
    /// `left_at`, and its last start, join or leave at or before `quietBefore`. The end time is that last moment
    /// (the last leave, normally), not the moment of this call, so a grace period does not lengthen the recorded
    /// `duration_minutes` (whole minutes, rounded). A recurring series goes back to `scheduled`, as [#markEnded].
    ///
    /// @return rows changed, 0 or 1
    @Query(value = """
            UPDATE meetings m SET status = CASE WHEN m.recurrence_rule IS NULL THEN 'ended' ELSE 'scheduled' END,
              actual_end_time = q.end_at, updated_at = :now,
              duration_minutes = CAST(ROUND(EXTRACT(EPOCH FROM (q.end_at - COALESCE(m.actual_start_time, q.end_at)))
                  / 60) AS integer)
            FROM (SELECT COALESCE(GREATEST(mm.actual_start_time, MAX(p.joined_at), MAX(p.left_at)), mm.updated_at)
                         AS end_at
                  FROM meetings mm
                  LEFT JOIN meeting_participants p ON p.meeting_id = mm.meeting_id AND p.status IN ('joined', 'left')
                  WHERE mm.meeting_id = :meetingId
                  GROUP BY mm.meeting_id
                  HAVING COUNT(p.participant_id) FILTER (WHERE p.status = 'joined' AND p.left_at IS NULL) = 0) q
            WHERE m.meeting_id = :meetingId AND m.status = 'live' AND q.end_at <= CAST(:quietBefore AS timestamptz)""",
            nativeQuery = true)
    long endIfQuiet(UUID meetingId, Instant quietBefore, Instant now);
}
