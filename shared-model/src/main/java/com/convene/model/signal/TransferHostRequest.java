package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host control: hand the host role to another participant. The target becomes `host`, whoever held the
/// role becomes `participant`; everyone gets [ParticipantUpdated] for both.
/// @param requestId     client-chosen id, echoed in a [SignalError] if refused
/// @param participantId the new host's participant id
public record TransferHostRequest(String requestId, String participantId) implements Signal {
  /// Wire name.
  public static final String TYPE = "transfer-host";

  public TransferHostRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(participantId, "participantId");
  }
}
