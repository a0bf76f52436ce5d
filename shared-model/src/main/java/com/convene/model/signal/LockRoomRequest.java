package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host control: lock or unlock the room. While locked nobody new gets in (joins get
/// [ErrorCode#MEETING_LOCKED]) except the meeting's host and admins; everyone gets [RoomUpdated].
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
/// @param locked    the new lock state
public record LockRoomRequest(String requestId, boolean locked) implements Signal {
  /// Wire name.
  public static final String TYPE = "lock-room";

  public LockRoomRequest {
    requireNonBlank(requestId, "requestId");
  }
}
