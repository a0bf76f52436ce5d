package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// One joiner in a meeting's waiting room, as the hosts see it in [WaitingRoomUpdated].
/// @param waitingId   id to admit or deny with (the joiner's signaling connection id)
/// @param userId      the joiner's user id (UUID text)
/// @param displayName the name the joiner asked for
public record WaitingParticipant(String waitingId, String userId, String displayName) {
  public WaitingParticipant {
    requireNonBlank(waitingId, "waitingId");
    requireNonBlank(userId, "userId");
    requireNonBlank(displayName, "displayName");
  }
}
