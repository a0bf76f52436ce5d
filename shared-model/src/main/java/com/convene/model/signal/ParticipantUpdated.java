package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

/// A participant's state changed (mute, camera, screen share, hand).
/// @param participant the new state
public record ParticipantUpdated(ParticipantInfo participant) implements Signal {
  /// Wire name.
  public static final String TYPE = "participant-updated";

  public ParticipantUpdated {
    requireNonNull(participant, "participant");
  }
}
