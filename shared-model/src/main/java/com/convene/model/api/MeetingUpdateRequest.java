package com.convene.model.api;

import java.time.Instant;

/// Body of `PATCH /api/v1/meetings/{id}` (JSON merge semantics, RFC 7396 in spirit): absent (`null`) fields stay
/// as they are; the rules of [MeetingCreateRequest] apply to the result.
///
/// @param title              1–500 characters
/// @param description        at most 10,000 characters; `""` clears it
/// @param scheduledStart     new start instant
/// @param scheduledEnd       new end instant, after the start
/// @param timeZone           IANA zone id
/// @param maxParticipants    2–1,000
/// @param requirePassword    `false` removes the password; `true` needs `password` unless one is set already
/// @param password           new meeting password, 4–128 characters (stored as an argon2id hash)
/// @param waitingRoomEnabled see [MeetingCreateRequest]
/// @param recordingEnabled   see [MeetingCreateRequest]
/// @param autoRecord         see [MeetingCreateRequest]
/// @param allowScreenShare   see [MeetingCreateRequest]
/// @param allowChat          see [MeetingCreateRequest]
/// @param allowReactions     see [MeetingCreateRequest]
/// @param muteOnEntry        see [MeetingCreateRequest]
/// @param recurrenceRule     new RFC 5545 RRULE value; `""` makes the meeting a single (scheduled) one
public record MeetingUpdateRequest(
        String title,
        String description,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timeZone,
        Integer maxParticipants,
        Boolean requirePassword,
        String password,
        Boolean waitingRoomEnabled,
        Boolean recordingEnabled,
        Boolean autoRecord,
        Boolean allowScreenShare,
        Boolean allowChat,
        Boolean allowReactions,
        Boolean muteOnEntry,
        String recurrenceRule) {

    /// Hides the meeting password from logs and debuggers.
    @Override
    public String toString() {
        return "MeetingUpdateRequest[title=" + title + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
