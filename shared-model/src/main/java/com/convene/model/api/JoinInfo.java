package com.convene.model.api;

import java.util.UUID;

/// Answer of `POST /meetings/join`: what a client needs to open the signaling connection.
///
/// @param meetingId    the meeting id (send it, or the join code, in the signaling `join` message)
/// @param joinCode     the join code
/// @param title        meeting title
/// @param signalingUrl WebSocket URL of the signaling endpoint, `ws(s)://<host>/ws/signaling`
/// @param waitingRoom  whether the joiner will wait for the host's admission
public record JoinInfo(UUID meetingId, String joinCode, String title, String signalingUrl, boolean waitingRoom) {
}
