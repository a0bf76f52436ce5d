package com.convene.model.api;

import java.time.Instant;
import java.util.UUID;

/// A meeting as the API shows it; never carries the password hash.
///
/// @param id                 meeting id (`meetings.meeting_id`)
/// @param hostUserId         the host's user id
/// @param title              1–500 characters
/// @param description        free text or `null`
/// @param meetingType        `instant`, `scheduled` or `recurring`
/// @param status             `scheduled`, `live`, `ended` or `cancelled`
/// @param scheduledStart     planned start, or `null` for an instant meeting
/// @param scheduledEnd       planned end, or `null`
/// @param timeZone           IANA zone id the host scheduled in; instants stay UTC, this is for display
/// @param actualStart        when the first participant joined, or `null`
/// @param actualEnd          when the meeting ended, or `null`
/// @param durationMinutes    actual duration in minutes once ended, else `null`
/// @param maxParticipants    2–1,000
/// @param requirePassword    whether joining needs the meeting password
/// @param waitingRoomEnabled whether joiners wait for the host's admission
/// @param recordingEnabled   whether recording is allowed
/// @param autoRecord         whether recording starts with the meeting
/// @param allowScreenShare   whether participants may share a screen
/// @param allowChat          whether in-meeting chat is on
/// @param allowReactions     whether reactions are on
/// @param muteOnEntry        whether joiners start muted
/// @param joinCode           human-typeable code, e.g. `abc-defg-hij` (lower-case letters, 3-4-3)
/// @param joinLink           desktop deep link, `convene://join/<joinCode>`
/// @param joinUrl            web form of the link, `<publicBaseUrl>/j/<joinCode>`
/// @param createdAt          creation instant
/// @param updatedAt          last change instant
/// @param recurrenceRule     RFC 5545 RRULE value of a recurring meeting (evaluated in `timeZone` from
///                           `scheduledStart`), else `null`
public record MeetingView(
        UUID id,
        UUID hostUserId,
        String title,
        String description,
        String meetingType,
        String status,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timeZone,
        Instant actualStart,
        Instant actualEnd,
        Integer durationMinutes,
        int maxParticipants,
        boolean requirePassword,
        boolean waitingRoomEnabled,
        boolean recordingEnabled,
        boolean autoRecord,
        boolean allowScreenShare,
        boolean allowChat,
        boolean allowReactions,
        boolean muteOnEntry,
        String joinCode,
        String joinLink,
        String joinUrl,
        Instant createdAt,
        Instant updatedAt,
        String recurrenceRule) {

    /// A view of a non-recurring meeting (the form before recurring meetings existed).
    public MeetingView(UUID id, UUID hostUserId, String title, String description, String meetingType, String status,
                       Instant scheduledStart, Instant scheduledEnd, String timeZone, Instant actualStart,
                       Instant actualEnd, Integer durationMinutes, int maxParticipants, boolean requirePassword,
                       boolean waitingRoomEnabled, boolean recordingEnabled, boolean autoRecord,
                       boolean allowScreenShare, boolean allowChat, boolean allowReactions, boolean muteOnEntry,
                       String joinCode, String joinLink, String joinUrl, Instant createdAt, Instant updatedAt) {
        this(id, hostUserId, title, description, meetingType, status, scheduledStart, scheduledEnd, timeZone,
                actualStart, actualEnd, durationMinutes, maxParticipants, requirePassword, waitingRoomEnabled,
                recordingEnabled, autoRecord, allowScreenShare, allowChat, allowReactions, muteOnEntry, joinCode,
                joinLink, joinUrl, createdAt, updatedAt, null);
    }
}
