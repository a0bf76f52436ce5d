package com.convene.backend.signaling;

import java.util.HashMap;
import java.util.Map;

/// The seat arithmetic of one live room (docs/decisions/092-room-capacity.md): places reserved for joins being
/// recorded, per user, and whether a joiner may take a seat given who is in.
///
/// Not thread-safe: confined to its [LiveRoom]'s lock, which also guards the members and waiters it is asked about.
final class RoomSeats {
  private final RoomCapacityConfig capacity;
  private final Map<String, Integer> reservedByUser = new HashMap<>();
  private int reserved;

  RoomSeats(RoomCapacityConfig capacity) {
    this.capacity = capacity;
  }

  /// Places reserved for joins being recorded, all users.
  int reserved() {
    return reserved;
  }

  /// Places reserved for `userId`'s joins being recorded.
  int reservedBy(String userId) {
    return reservedByUser.getOrDefault(userId, 0);
  }

  void reserve(String userId) {
    reserved++;
    reservedByUser.merge(userId, 1, Integer::sum);
  }

  /// Gives back one place reserved for `userId`; nothing when it holds none.
  void release(String userId) {
    Integer held = reservedByUser.get(userId);
    if (held == null) {
      return;
    }
    if (held > 1) {
      reservedByUser.put(userId, held - 1);
    } else {
      reservedByUser.remove(userId);
    }
    reserved = Math.max(0, reserved - 1);
  }

  /// Whether a user holding `places` places in the room (members, reservations, waiters) may take one more.
  boolean placeLeft(int places) {
    return places < capacity.devicesPerUser();
  }

  /// Whether the waiting room, holding `waiting` joiners, takes one more.
  boolean waitingRoomHasRoom(int waiting) {
    return waiting < capacity.waitingRoomMax();
  }

  /// Whether a joiner gets a seat.
  ///
  /// @param attached        members whose socket is open (those held for a resume do not count), without
  ///                        reservations
  /// @param privilegedIn    how many of `attached` are the host or admins
  /// @param maxParticipants the meeting's `max_participants`, 2–1,000
  /// @param privileged      the joiner is the host or an admin: it may take the held seats
  boolean seatFree(int attached, int privilegedIn, int maxParticipants, boolean privileged) {
    int taken = attached + reserved;
    if (privileged) {
      return taken < maxParticipants;
    }
    int held = Math.max(0, Math.min(capacity.heldSeats(), maxParticipants - 1));
    return taken + Math.max(0, held - privilegedIn) < maxParticipants;
  }
}
