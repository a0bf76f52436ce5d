package com.convene.model.api;

import java.time.Instant;
import java.util.UUID;

/// An invitation to a meeting (a `meeting_participants` row with status `invited`, seed 000).
///
/// @param id          invitation id (`participant_id`)
/// @param meetingId   the meeting
/// @param userId      the invited account, or `null` for an e-mail-only invitee
/// @param email       e-mail address, or `null`
/// @param displayName name shown for the invitee
/// @param rsvp        `pending`, `accepted`, `declined` or `tentative`
/// @param createdAt   when the invitation was made
/// @param updatedAt   last change (RSVP)
public record InvitationView(UUID id, UUID meetingId, UUID userId, String email, String displayName, String rsvp,
                             Instant createdAt, Instant updatedAt) {
}
