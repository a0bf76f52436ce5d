package com.convene.backend.meeting;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Invitations in `meeting_participants` (rows with status `invited`). Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationRepository extends GenericRepository<Invitation, UUID> {

    Invitation save(Invitation invitation);

    @Query("""
            SELECT * FROM meeting_participants WHERE participant_id = :participantId AND meeting_id = :meetingId
              AND status = 'invited'""")
    Optional<Invitation> find(UUID meetingId, UUID participantId);

    @Query("SELECT * FROM meeting_participants WHERE meeting_id = :meetingId AND status = 'invited' ORDER BY created_at")
    List<Invitation> findAll(UUID meetingId);

    @Query("""
            SELECT EXISTS (SELECT 1 FROM meeting_participants WHERE meeting_id = :meetingId AND user_id = :userId
              AND status = 'invited')""")
    boolean isInvited(UUID meetingId, UUID userId);

    @Query("""
            SELECT EXISTS (SELECT 1 FROM meeting_participants WHERE meeting_id = :meetingId AND status = 'invited'
              AND (user_id = :userId OR (user_id IS NULL AND lower(email) = lower(:email))))""")
    boolean exists(UUID meetingId, @io.micronaut.core.annotation.Nullable UUID userId,
                   @io.micronaut.core.annotation.Nullable String email);

    @Query("UPDATE meeting_participants SET rsvp = :rsvp, updated_at = :now WHERE participant_id = :participantId AND status = 'invited'")
    long updateRsvp(UUID participantId, String rsvp, Instant now);

    @Query("DELETE FROM meeting_participants WHERE participant_id = :participantId AND meeting_id = :meetingId AND status = 'invited'")
    long delete(UUID meetingId, UUID participantId);
}
