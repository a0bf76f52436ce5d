package com.convene.backend.lifecycle;

/// What one reaper run repaired (docs/decisions/042-meeting-lifecycle-and-reaper.md).
///
/// @param redisAvailable     false when Redis could not be read: the run then repaired nothing, since it cannot
///                           tell which rooms other nodes hold
/// @param participantsClosed participant rows given a `left_at`, 0 or more
/// @param meetingsEnded      `live` meetings ended, 0 or more
/// @param sessionKeysDeleted stale `session:{id}` keys deleted, 0 or more
/// @param roomKeysDeleted    stale `meeting_room:{id}` (and our old `room_lease:{id}`) keys deleted, 0 or more
/// @param heldElsewhere      meetings left alone because another node holds their lease, 0 or more
record ReaperReport(boolean redisAvailable, int participantsClosed, int meetingsEnded, int sessionKeysDeleted,
    int roomKeysDeleted, int heldElsewhere) {

  static ReaperReport redisDown() {
    return new ReaperReport(false, 0, 0, 0, 0, 0);
  }

  boolean repairedAnything() {
    return participantsClosed + meetingsEnded + sessionKeysDeleted + roomKeysDeleted > 0;
  }
}
