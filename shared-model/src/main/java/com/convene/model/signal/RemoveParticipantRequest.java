package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host control: remove a participant. The target gets [Left] with reason `removed` and may not rejoin while
/// the room lives; the others get [ParticipantLeft] with reason `removed`.
/// @param requestId     client-chosen id, echoed in a [SignalError] if refused
/// @param participantId the target's participant id
public record RemoveParticipantRequest(String requestId, String participantId) implements Signal {
  /// Wire name.
  public static final String TYPE = "remove-participant";

  public RemoveParticipantRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(participantId, "participantId");
  }
}
