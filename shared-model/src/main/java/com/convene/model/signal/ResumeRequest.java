package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Asks to take a participant that lost its socket back into the room, sent on a new socket right after
/// [Welcome] instead of a [JoinRequest] (docs/decisions/080-signaling-resume.md).
///
/// Answered by [Resumed], after which the server replays, in order, what it could not deliver meanwhile; or by a
/// [SignalError] with [ErrorCode#RESUME_REJECTED] (wrong token, another user, unknown participant, grace period
/// over, too much missed), after which nothing changed and the client may send a [JoinRequest].
/// @param requestId     client-chosen id echoed in the reply
/// @param participantId the participant id from [Joined] (or the last [Resumed])
/// @param resumeToken   the token from [Joined] (or the last [Resumed]); never logged: [#toString()] hides it
public record ResumeRequest(String requestId, String participantId, String resumeToken) implements Signal {
  /// Wire name.
  public static final String TYPE = "resume";

  public ResumeRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(participantId, "participantId");
    requireNonBlank(resumeToken, "resumeToken");
    if (resumeToken.length() > 128) {
      throw new IllegalArgumentException("resumeToken must be at most 128 characters");
    }
  }

  /// Hides the resume token from logs.
  @Override
  public String toString() {
    return "ResumeRequest[requestId=" + requestId + ", participantId=" + participantId + ", resumeToken=***]";
  }
}
