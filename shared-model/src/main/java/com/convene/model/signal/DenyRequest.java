package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host (or admin) turns one waiting joiner away; the joiner gets a [SignalError] with
/// [ErrorCode#ADMISSION_DENIED] for its join request, every host a new [WaitingRoomUpdated].
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
/// @param waitingId the joiner's [WaitingParticipant#waitingId()]
public record DenyRequest(String requestId, String waitingId) implements Signal {
  /// Wire name.
  public static final String TYPE = "deny";

  public DenyRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(waitingId, "waitingId");
  }
}
