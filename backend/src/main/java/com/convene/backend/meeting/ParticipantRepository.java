package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// `meeting_participants` access. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends GenericRepository<Participant, UUID> {

    Optional<Participant> findById(UUID participantId);

    List<Participant> findByMeetingIdOrderByJoinedAt(UUID meetingId);

    long countByMeetingIdAndStatus(UUID meetingId, String status);

    boolean existsByMeetingIdAndUserId(UUID meetingId, UUID userId);

    /// Inserts a `joined` row; the IP text is cast to `INET` (a malformed address fails the insert).
    @Query("""
            INSERT INTO meeting_participants (participant_id, meeting_id, user_id, display_name, email, role,
              joined_at, connection_id, ip_address, user_agent, status, is_muted, is_video_on, is_screen_sharing,
              is_hand_raised, created_at, updated_at)
            VALUES (:participantId, :meetingId, :userId, :displayName, :email, :role,
              :joinedAt, :connectionId, CAST(:ipAddress AS inet), :userAgent, 'joined', :muted, TRUE, FALSE,
              FALSE, :joinedAt, :joinedAt)""")
    void insertJoin(UUID participantId, UUID meetingId, @Nullable UUID userId, String displayName,
                    @Nullable String email, String role, Instant joinedAt, @Nullable String connectionId,
                    @Nullable String ipAddress, @Nullable String userAgent, boolean muted);

    /// Records the usage dimensions of a row (V11: `device_type`, `region`).
    @Query("UPDATE meeting_participants SET device_type = :deviceType, region = :region WHERE participant_id = :participantId")
    long updateDimensions(UUID participantId, @Nullable String deviceType, @Nullable String region);

    /// Closes an open row: `left_at`, `status = 'left'` and the duration in whole minutes (rounded).
    ///
    /// @return rows changed, 0 when already left or unknown
    @Query("""
            UPDATE meeting_participants SET left_at = :leftAt, status = 'left', updated_at = :leftAt,
              duration_minutes = CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:leftAt AS timestamptz) - joined_at)) / 60) AS integer)
            WHERE participant_id = :participantId AND left_at IS NULL""")
    long markLeft(UUID participantId, Instant leftAt);

    /// Closes every open (`joined`, no `left_at`) row of a meeting as [#markLeft] does, at `leftAt`.
    ///
    /// @return rows changed
    @Query("""
            UPDATE meeting_participants SET left_at = :leftAt, status = 'left', updated_at = :leftAt,
              duration_minutes = CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:leftAt AS timestamptz) - joined_at)) / 60) AS integer)
            WHERE meeting_id = :meetingId AND status = 'joined' AND left_at IS NULL""")
    long closeOpen(UUID meetingId, Instant leftAt);

    /// Open rows (`joined`, no `left_at`) that joined before `joinedBefore`, oldest first, at most `limit`.
    @Query(value = """
            SELECT * FROM meeting_participants
            WHERE status = 'joined' AND left_at IS NULL AND joined_at < CAST(:joinedBefore AS timestamptz)
            ORDER BY joined_at LIMIT :limit""", nativeQuery = true)
    List<Participant> findOpenJoinedBefore(Instant joinedBefore, int limit);
}
