package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Asks to join a meeting's room. Answered by [Joined] or [SignalError].
/// @param requestId   client-chosen id echoed in the reply
/// @param meeting     meeting id (UUID) or join code such as `abc-defg-hij`
/// @param displayName name shown to others, 1–200 characters
/// @param audioMuted  whether the microphone starts muted
/// @param videoMuted  whether the camera starts off
public record JoinRequest(
    String requestId, String meeting, String displayName, boolean audioMuted, boolean videoMuted)
    implements Signal {
  /// Wire name.
  public static final String TYPE = "join";

  public JoinRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(meeting, "meeting");
    requireNonBlank(displayName, "displayName");
    if (displayName.length() > 200) {
      throw new IllegalArgumentException("displayName must be at most 200 characters");
    }
  }
}
