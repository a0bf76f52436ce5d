package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

import com.fasterxml.jackson.annotation.JsonInclude;

/// Asks to join a meeting's room. Answered by [Joined], by [Waiting] when the meeting has a waiting room, or by
/// [SignalError] (e.g. [ErrorCode#MEETING_PASSWORD_REQUIRED], [ErrorCode#MEETING_PASSWORD_WRONG],
/// [ErrorCode#MEETING_LOCKED], [ErrorCode#MEETING_FULL]).
/// @param requestId   client-chosen id echoed in the reply
/// @param meeting     meeting id (UUID) or join code such as `abc-defg-hij`
/// @param displayName name shown to others, 1–200 characters
/// @param audioMuted  whether the microphone starts muted
/// @param videoMuted  whether the camera starts off
/// @param password    the meeting password, at most 128 characters, or null (omitted on the wire) when the
///                    joiner has none; the meeting's host and admins need none
public record JoinRequest(
    String requestId,
    String meeting,
    String displayName,
    boolean audioMuted,
    boolean videoMuted,
    @JsonInclude(JsonInclude.Include.NON_NULL) String password)
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
    if (password != null && password.length() > 128) {
      throw new IllegalArgumentException("password must be at most 128 characters");
    }
  }

  /// A join without a meeting password (the version 1 shape before `password` was added).
  public JoinRequest(String requestId, String meeting, String displayName, boolean audioMuted, boolean videoMuted) {
    this(requestId, meeting, displayName, audioMuted, videoMuted, null);
  }

  /// Hides the meeting password from logs.
  @Override
  public String toString() {
    return "JoinRequest[requestId=" + requestId + ", meeting=" + meeting + ", displayName=" + displayName
        + ", audioMuted=" + audioMuted + ", videoMuted=" + videoMuted + ", password="
        + (password == null ? "null" : "***") + "]";
  }
}
