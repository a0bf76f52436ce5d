package com.convene.backend.outbox;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/// One PostgreSQL write held by the [PostgresOutbox] until it lands. Every write is idempotent (applying it twice
/// changes nothing the second time), because a crash between applying it and removing it from the journal replays it.
/// Journalled as JSON with a `type` discriminator; the wire names below are stable (a journal outlives a release).
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DeferredWrite.ParticipantLeft.class, name = "participant-left"),
    @JsonSubTypes.Type(value = DeferredWrite.MeetingEnded.class, name = "meeting-ended")})
public sealed interface DeferredWrite {

    /// `meeting_participants.left_at` (and status, duration) of a participant who left at `leftAt`; a row that
    /// already has a `left_at` is left alone.
    ///
    /// @param participantId the row's `participant_id`
    /// @param leftAt        when the participant left (server clock, µs precision)
    record ParticipantLeft(UUID participantId, Instant leftAt) implements DeferredWrite {
        public ParticipantLeft {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(leftAt, "leftAt");
        }
    }

    /// `meetings.status = 'ended'` with `actual_end_time = endedAt` and the duration, for a meeting still `live`.
    ///
    /// @param meetingId the meeting
    /// @param endedAt   when it ended (server clock, µs precision)
    record MeetingEnded(UUID meetingId, Instant endedAt) implements DeferredWrite {
        public MeetingEnded {
            Objects.requireNonNull(meetingId, "meetingId");
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }
}
