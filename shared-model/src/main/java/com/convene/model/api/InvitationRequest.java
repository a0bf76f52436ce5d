package com.convene.model.api;

import java.util.UUID;

/// Body of `POST /api/v1/meetings/{id}/invitations`: exactly one of `userId` and `email`.
///
/// @param userId      an existing account to invite
/// @param email       an e-mail address to invite; linked to the account with that address when one exists
/// @param displayName name to show for an e-mail invitee without an account, at most 200 characters
public record InvitationRequest(UUID userId, String email, String displayName) {
}
