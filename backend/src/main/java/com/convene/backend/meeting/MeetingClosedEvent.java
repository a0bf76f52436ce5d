package com.convene.backend.meeting;

import java.util.UUID;

/// Published in-process (Micronaut `ApplicationEventPublisher`) when a meeting was ended (`POST /conferences/stop`,
/// or the last participant left) or cancelled while it may have a live room.
///
/// The signaling layer listens with `@EventListener void on(MeetingClosedEvent event)` to end the live room for
/// everyone. Delivered synchronously on the thread that changed the meeting: a listener must not block for long
/// and must not throw.
///
/// @param meetingId the meeting
/// @param status    its new status, [MeetingStatus#ENDED] or [MeetingStatus#CANCELLED]
public record MeetingClosedEvent(UUID meetingId, MeetingStatus status) {
}
