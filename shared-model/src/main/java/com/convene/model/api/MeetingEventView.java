package com.convene.model.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/// One `meeting_events` row (seed 000) of a meeting's timeline.
///
/// @param eventTime when it happened (server clock, ms precision)
/// @param eventId   unique id
/// @param eventType e.g. `participant_joined`, `audio_muted`, `chat_message`, `host_action`
/// @param userId    who, or `null`
/// @param userName  display name at the time, or `null`
/// @param data      details such as `participant_id`, `reason`, `message_id`
public record MeetingEventView(Instant eventTime, UUID eventId, String eventType, UUID userId, String userName,
    Map<String, String> data) {}
