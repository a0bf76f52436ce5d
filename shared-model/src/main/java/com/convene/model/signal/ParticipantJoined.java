package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

/// Someone joined the room.
/// @param participant the newcomer
public record ParticipantJoined(ParticipantInfo participant) implements Signal {
  /// Wire name.
  public static final String TYPE = "participant-joined";

  public ParticipantJoined {
    requireNonNull(participant, "participant");
  }
}
