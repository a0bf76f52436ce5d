package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// A participant's public state in a room (seed 000 `meeting_participants` flags).
/// @param participantId participant id (UUID text)
/// @param userId        user id (UUID text)
/// @param displayName   shown name
/// @param role          `host` or `participant`
/// @param audioMuted    microphone muted
/// @param videoMuted    camera off
/// @param screenSharing screen share running
/// @param handRaised    hand raised
public record ParticipantInfo(
    String participantId,
    String userId,
    String displayName,
    String role,
    boolean audioMuted,
    boolean videoMuted,
    boolean screenSharing,
    boolean handRaised) {
  public ParticipantInfo {
    requireNonBlank(participantId, "participantId");
    requireNonBlank(userId, "userId");
    requireNonBlank(displayName, "displayName");
    requireNonBlank(role, "role");
  }
}
