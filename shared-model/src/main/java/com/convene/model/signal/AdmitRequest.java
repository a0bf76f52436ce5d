package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host (or admin) lets one waiting joiner in; the joiner gets [Joined], every host a new [WaitingRoomUpdated].
/// Refused with [ErrorCode#FORBIDDEN] for others and [ErrorCode#PARTICIPANT_NOT_FOUND] when nobody waits
/// under that id.
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
/// @param waitingId the joiner's [WaitingParticipant#waitingId()]
public record AdmitRequest(String requestId, String waitingId) implements Signal {
  /// Wire name.
  public static final String TYPE = "admit";

  public AdmitRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(waitingId, "waitingId");
  }
}
