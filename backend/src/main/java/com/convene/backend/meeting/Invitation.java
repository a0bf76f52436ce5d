package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// An invitation: the `meeting_participants` columns (seed 000) an invitation uses, on a row with status
/// `invited`. The other columns describe a join and keep their defaults.
///
/// @param rsvp `pending`, `accepted`, `declined` or `tentative`
@MappedEntity("meeting_participants")
record Invitation(
        @Id UUID participantId,
        UUID meetingId,
        @Nullable UUID userId,
        String displayName,
        @Nullable String email,
        String role,
        String status,
        String rsvp,
        Instant createdAt,
        Instant updatedAt) {

    /// `meeting_participants.status` of an invitation.
    static final String INVITED = "invited";
}
