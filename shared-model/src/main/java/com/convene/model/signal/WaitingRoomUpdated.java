package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

import java.util.List;

/// The waiting room changed; sent to every host and admin in the room (and to a host when it joins).
/// @param waiting everyone waiting, longest-waiting first
public record WaitingRoomUpdated(List<WaitingParticipant> waiting) implements Signal {
  /// Wire name.
  public static final String TYPE = "waiting-room-updated";

  public WaitingRoomUpdated {
    waiting = List.copyOf(requireNonNull(waiting, "waiting"));
  }
}
