package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `meetings` (seed 000, plus `join_code`, `time_zone` and `recurrence_rule`). Component names map to snake_case columns.
@MappedEntity("meetings")
record Meeting(
        @Id UUID meetingId,
        UUID hostUserId,
        String title,
        @Nullable String description,
        String meetingType,
        @Nullable Instant scheduledStartTime,
        @Nullable Instant scheduledEndTime,
        @Nullable Instant actualStartTime,
        @Nullable Instant actualEndTime,
        @Nullable Integer durationMinutes,
        int maxParticipants,
        boolean requirePassword,
        @Nullable String passwordHash,
        boolean waitingRoomEnabled,
        boolean recordingEnabled,
        boolean autoRecord,
        boolean allowScreenShare,
        boolean allowChat,
        boolean allowReactions,
        boolean muteOnEntry,
        String status,
        Instant createdAt,
        Instant updatedAt,
        String joinCode,
        String timeZone,
        @Nullable String recurrenceRule) {

    MeetingStatus meetingStatus() {
        return MeetingStatus.fromWire(status);
    }
}
