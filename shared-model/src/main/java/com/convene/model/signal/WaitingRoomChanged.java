package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

import java.util.List;

/// What changed in the waiting room since the last message, for a host or admin whose [Hello] declared
/// [Hello#WAITING_ROOM_DELTAS] (others keep getting whole [WaitingRoomUpdated] lists). A moderator that joins
/// gets the whole list once as one [WaitingRoomChanged] with `reset` true; after that only changes, so a
/// flood of knocks costs the host one small message per change, not one whole list (docs/decisions/093).
/// @param added   joiners who started waiting, longest-waiting first; at most the waiting-room cap
/// @param removed waiting ids of joiners who stopped waiting (admitted, denied, left)
/// @param reset   true when `added` is the whole waiting room and the client must drop what it had
public record WaitingRoomChanged(List<WaitingParticipant> added, List<String> removed, boolean reset)
    implements Signal {
  /// Wire name.
  public static final String TYPE = "waiting-room-changed";

  public WaitingRoomChanged {
    added = List.copyOf(requireNonNull(added, "added"));
    removed = List.copyOf(requireNonNull(removed, "removed"));
    for (String id : removed) {
      Checks.requireNonBlank(id, "removed waitingId");
    }
  }
}
