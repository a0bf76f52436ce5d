package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host control: end the meeting for everyone. The meeting is marked `ended`; every participant and every
/// waiting joiner gets [Left] with reason `meeting-ended`; later joins get [ErrorCode#MEETING_CLOSED].
/// @param requestId client-chosen id, echoed in the sender's [Left] or a [SignalError] if refused
public record EndMeetingRequest(String requestId) implements Signal {
  /// Wire name.
  public static final String TYPE = "end-meeting";

  public EndMeetingRequest {
    requireNonBlank(requestId, "requestId");
  }
}
