package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Someone left the room; their tracks are unpublished.
/// @param participantId who left
/// @param reason        stable reason word: `left`, `disconnected`, `removed`, `meeting-ended`
public record ParticipantLeft(String participantId, String reason) implements Signal {
  /// Wire name.
  public static final String TYPE = "participant-left";

  public ParticipantLeft {
    requireNonBlank(participantId, "participantId");
    requireNonBlank(reason, "reason");
  }
}
