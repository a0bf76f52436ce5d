package com.convene.backend.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// One `meeting_events` row (seed 000), also written to `meeting_events_hourly`.
///
/// @param meetingId meeting the event belongs to (partition key)
/// @param eventTime when it happened, millisecond precision (Cassandra `timestamp`)
/// @param eventId   unique id, also the tie-breaker of equal times
/// @param type      what happened
/// @param userId    who did it, if a signed-in user
/// @param userName  display name at the time
/// @param data      extra details, e.g. `participant_id`, `reason`; values are short text
public record MeetingEvent(UUID meetingId, Instant eventTime, UUID eventId, MeetingEventType type,
                           @Nullable UUID userId, @Nullable String userName, Map<String, String> data)
        implements AnalyticsRow {

    public MeetingEvent {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
    }

    /// A new event happening now with a random id.
    public static MeetingEvent now(UUID meetingId, MeetingEventType type, @Nullable UUID userId,
                                   @Nullable String userName, Map<String, String> data) {
        return new MeetingEvent(meetingId, Instant.now(), UUID.randomUUID(), type, userId, userName, data);
    }
}
