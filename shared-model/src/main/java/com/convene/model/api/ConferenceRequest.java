package com.convene.model.api;

import java.util.UUID;

/// Body of seed 002's `POST /conferences/start` and `POST /conferences/stop`.
///
/// @param meetingId the meeting to mark live or ended
public record ConferenceRequest(UUID meetingId) {
}
