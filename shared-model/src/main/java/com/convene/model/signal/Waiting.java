package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Reply to [JoinRequest] in a meeting with `waiting_room_enabled`: the caller waits until a host admits it
/// ([Joined] follows, with the same `requestId`) or denies it ([SignalError] with [ErrorCode#ADMISSION_DENIED]).
/// A [LeaveRequest] while waiting gives up ([Left] with reason `left`).
/// @param requestId id of the [JoinRequest]
/// @param meetingId meeting id (UUID text)
/// @param title     meeting title
/// @param waitingId the caller's id in the waiting room, as the hosts see it in [WaitingRoomUpdated]
public record Waiting(String requestId, String meetingId, String title, String waitingId) implements Signal {
  /// Wire name.
  public static final String TYPE = "waiting";

  public Waiting {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(meetingId, "meetingId");
    requireNonBlank(waitingId, "waitingId");
  }
}
