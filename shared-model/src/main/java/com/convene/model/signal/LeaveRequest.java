package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Leaves the room; the server answers [Left] and tells the others [ParticipantLeft].
/// @param requestId client-chosen id echoed in the reply
public record LeaveRequest(String requestId) implements Signal {
  /// Wire name.
  public static final String TYPE = "leave";

  public LeaveRequest {
    requireNonBlank(requestId, "requestId");
  }
}
