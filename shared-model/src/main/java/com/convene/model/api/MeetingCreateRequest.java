package com.convene.model.api;

import java.time.Instant;

/// Body of `POST /api/v1/meetings` (alias `POST /meetings/create`, seed 002); the settings mirror the `meetings`
/// columns of seed 000. Absent (`null`) settings take the seed's column defaults.
///
/// The backend answers `urn:convene:problem:validation` with field errors for bad fields and
/// `urn:convene:problem:invalid-time-range` when `scheduledEnd` is not after `scheduledStart`.
///
/// @param title              required, 1–500 characters
/// @param description        optional free text, at most 10,000 characters
/// @param scheduledStart     start instant (ISO-8601, e.g. `2030-01-15T10:30:00Z`); `null` for an instant meeting
/// @param scheduledEnd       end instant, after `scheduledStart`; optional
/// @param timeZone           IANA zone id the host scheduled in, e.g. `Europe/Berlin`; default `UTC`
/// @param meetingType        `instant`, `scheduled` or `recurring`; default `scheduled` when a start is given, else `instant`
/// @param maxParticipants    2–1,000; default 100
/// @param requirePassword    default `false`; when `true`, `password` is required
/// @param password           meeting password, 4–128 characters; stored only as an argon2id hash
/// @param waitingRoomEnabled default `true`
/// @param recordingEnabled   default `false`
/// @param autoRecord         default `false`
/// @param allowScreenShare   default `true`
/// @param allowChat          default `true`
/// @param allowReactions     default `true`
/// @param muteOnEntry        default `false`
/// @param recurrenceRule     RFC 5545 §3.3.10 RRULE value for a recurring meeting, e.g.
///                           `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10` (FREQ DAILY, WEEKLY or MONTHLY), evaluated in
///                           `timeZone` from `scheduledStart`; implies `meetingType` `recurring`
public record MeetingCreateRequest(
        String title,
        String description,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timeZone,
        String meetingType,
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

    /// A request without a recurrence rule (the form before recurring meetings existed).
    public MeetingCreateRequest(String title, String description, Instant scheduledStart, Instant scheduledEnd,
                                String timeZone, String meetingType, Integer maxParticipants, Boolean requirePassword,
                                String password, Boolean waitingRoomEnabled, Boolean recordingEnabled,
                                Boolean autoRecord, Boolean allowScreenShare, Boolean allowChat,
                                Boolean allowReactions, Boolean muteOnEntry) {
        this(title, description, scheduledStart, scheduledEnd, timeZone, meetingType, maxParticipants,
                requirePassword, password, waitingRoomEnabled, recordingEnabled, autoRecord, allowScreenShare,
                allowChat, allowReactions, muteOnEntry, null);
    }

    /// Hides the meeting password from logs and debuggers.
    @Override
    public String toString() {
        return "MeetingCreateRequest[title=" + title + ", scheduledStart=" + scheduledStart + ", scheduledEnd="
                + scheduledEnd + ", timeZone=" + timeZone + ", meetingType=" + meetingType + ", password="
                + (password == null ? "null" : "***") + ", recurrenceRule=" + recurrenceRule + "]";
    }
}
