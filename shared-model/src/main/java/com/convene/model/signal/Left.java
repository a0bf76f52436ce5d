package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Tells a client it is no longer in the room, in reply to [LeaveRequest] (`requestId` set) or because the
/// server removed it (`requestId` null).
/// @param requestId id of the [LeaveRequest], or null when the server initiated it
/// @param reason    stable reason word: `left`, `removed`, `meeting-ended`
public record Left(String requestId, String reason) implements Signal {
  /// Wire name.
  public static final String TYPE = "left";

  public Left {
    requireNonBlank(reason, "reason");
  }
}
