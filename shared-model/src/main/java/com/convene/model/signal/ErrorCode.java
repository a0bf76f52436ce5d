package com.convene.model.signal;

/// Stable signaling error codes carried by [SignalError]; listed in docs/problems.md. Only add, never rename.
public enum ErrorCode {
  /// The [Hello] version is not spoken by this server; the socket closes with 4400.
  PROTOCOL_VERSION_UNSUPPORTED,
  /// A message other than [Hello] arrived first.
  HELLO_REQUIRED,
  /// The frame is not JSON, has an unknown `type`, or breaks a message invariant.
  MALFORMED_MESSAGE,
  /// The meeting id or join code does not exist.
  MEETING_NOT_FOUND,
  /// The meeting was cancelled or has ended.
  MEETING_CLOSED,
  /// The room already holds `max_participants`.
  MEETING_FULL,
  /// The caller may not do this.
  FORBIDDEN,
  /// The request needs a joined room.
  NOT_JOINED,
  /// The socket is already in a room.
  ALREADY_JOINED,
  /// The SDP could not be parsed or negotiated.
  SDP_REJECTED,
  /// A [SubscribeAnswer] did not match the outstanding [SubscribeOffer].
  STALE_ANSWER,
  /// Something failed on the server; retrying may help.
  INTERNAL_ERROR,
  /// The meeting needs a password and the [JoinRequest] carried none; ask the user and join again.
  MEETING_PASSWORD_REQUIRED,
  /// The [JoinRequest]'s meeting password is wrong.
  MEETING_PASSWORD_WRONG,
  /// A host locked the room: nobody new gets in until it is unlocked.
  MEETING_LOCKED,
  /// A host turned this joiner away from the waiting room ([DenyRequest]).
  ADMISSION_DENIED,
  /// A host removed this user from the room; it may not rejoin while the room lives.
  REMOVED_FROM_MEETING,
  /// A host control names a participant or waiting joiner that is not (or no longer) there.
  PARTICIPANT_NOT_FOUND,
  /// Chat is switched off in this meeting (`allow_chat` false).
  CHAT_DISABLED,
  /// Recording is switched off for this meeting (`recording_enabled` is false).
  RECORDING_DISABLED,
  /// The meeting is already being recorded.
  RECORDING_ALREADY_RUNNING,
  /// The meeting is not being recorded.
  RECORDING_NOT_RUNNING,
  /// A backing store (PostgreSQL or Redis) is unreachable, so the request could not be completed; the call goes
  /// on. For a `chat-send` (`requestId` = its `clientMessageId`) send it again later; nothing is duplicated.
  SERVICE_UNAVAILABLE,
  /// A [ResumeRequest] was refused: unknown participant, wrong token or user, grace period over, or too much was
  /// missed. Nothing changed on the server; the client may join again with a new [JoinRequest].
  RESUME_REJECTED,
  /// The user already has the most participants allowed in this room (`convene.room-capacity.devices-per-user`,
  /// joined, waiting or held for a resume); leave on another device first (docs/decisions/092).
  TOO_MANY_DEVICES,
  /// Too many requests of this kind (chat, reactions, hands, knocks, meeting-password attempts); the
  /// [SignalError]'s `retryAfterMillis` says when one more is allowed (docs/decisions/093).
  RATE_LIMITED,
  /// Reactions are switched off in this meeting (`allowReactions` false).
  REACTIONS_DISABLED,
  /// The meeting's waiting room holds the most joiners allowed (`convene.room-capacity.waiting-room-max`).
  WAITING_ROOM_FULL
}
