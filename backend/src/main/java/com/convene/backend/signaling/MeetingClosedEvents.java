package com.convene.backend.signaling;

import com.convene.backend.meeting.MeetingClosedEvent;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

/// Ends a meeting's live room when the meeting feature closes it (`/conferences/stop`, cancellation, the host's
/// end-for-all): people still in the call get `Left(meeting-ended)` instead of talking in an ended meeting.
/// Only queues messages on the sessions' executors, so it returns at once.
@Singleton
final class MeetingClosedEvents implements ApplicationEventListener<MeetingClosedEvent> {
  private final RoomHub hub;

  MeetingClosedEvents(RoomHub hub) {
    this.hub = hub;
  }

  @Override
  public void onApplicationEvent(MeetingClosedEvent event) {
    hub.closeLiveRoom(event.meetingId());
  }
}
