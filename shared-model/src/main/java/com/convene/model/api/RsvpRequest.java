package com.convene.model.api;

/// Body of `POST /api/v1/meetings/{id}/invitations/{invitationId}/rsvp`.
///
/// @param response `accepted`, `declined` or `tentative` (RFC 5545 §3.2.12 PARTSTAT ACCEPTED, DECLINED, TENTATIVE)
public record RsvpRequest(String response) {
}
