package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `meeting_participants` (seed 000): one join of one person, from `joined_at` to `left_at`.
///
/// `ipAddress` is an `INET` column, written through an explicit cast in [ParticipantRepository].
///
/// @param durationMinutes time between join and leave in whole minutes (rounded), set on leave
/// @param status          `invited`, `joined` or `left`
/// @param role            `host` or `participant`
@MappedEntity("meeting_participants")
public record Participant(
        @Id UUID participantId,
        UUID meetingId,
        @Nullable UUID userId,
        String displayName,
        @Nullable String email,
        String role,
        @Nullable Instant joinedAt,
        @Nullable Instant leftAt,
        @Nullable Integer durationMinutes,
        boolean isMuted,
        boolean isVideoOn,
        boolean isScreenSharing,
        boolean isHandRaised,
        @Nullable String connectionId,
        @Nullable String ipAddress,
        @Nullable String userAgent,
        String status,
        Instant createdAt,
        Instant updatedAt) {
}
