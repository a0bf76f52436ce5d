package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Reply to [ResumeRequest]: the participant is attached to this socket again, still in the room with the same
/// id, tracks and PeerConnections. The messages it missed follow right after this one, in their original order,
/// so the client's view of the room is complete once it has handled them (hence no room snapshot here).
/// @param requestId      id of the [ResumeRequest]
/// @param meetingId      meeting id (UUID text)
/// @param participantId  the participant id, unchanged
/// @param resumeToken    a fresh token for the next resume (the old one is spent); never logged
/// @param missedMessages how many missed messages follow, 0 or more
public record Resumed(
    String requestId, String meetingId, String participantId, String resumeToken, int missedMessages)
    implements Signal {
  /// Wire name.
  public static final String TYPE = "resumed";

  public Resumed {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(meetingId, "meetingId");
    requireNonBlank(participantId, "participantId");
    requireNonBlank(resumeToken, "resumeToken");
    if (missedMessages < 0) {
      throw new IllegalArgumentException("missedMessages must not be negative");
    }
  }

  /// Hides the resume token from logs.
  @Override
  public String toString() {
    return "Resumed[requestId=" + requestId + ", meetingId=" + meetingId + ", participantId=" + participantId
        + ", resumeToken=***, missedMessages=" + missedMessages + "]";
  }
}
