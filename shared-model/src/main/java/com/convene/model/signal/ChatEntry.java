package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/// One stored chat message as clients see it (seed 000 `chat_messages` / `chat:{meeting_id}`).
/// @param messageId           `chat_messages.message_id` (UUID text); clients de-duplicate by it
/// @param clientMessageId     the sender's [ChatSend#clientMessageId()]
/// @param senderParticipantId sender's participant id (UUID text)
/// @param senderUserId        sender's user id (UUID text)
/// @param senderName          sender's display name
/// @param content             message text, 1–4,000 characters
/// @param sentAt              when the server stored it, ISO-8601 instant (UTC), e.g. `2026-01-15T10:35:00Z`
public record ChatEntry(
    String messageId,
    String clientMessageId,
    String senderParticipantId,
    String senderUserId,
    String senderName,
    String content,
    String sentAt) {
  public ChatEntry {
    requireNonBlank(messageId, "messageId");
    requireNonBlank(clientMessageId, "clientMessageId");
    requireNonBlank(senderParticipantId, "senderParticipantId");
    requireNonBlank(senderUserId, "senderUserId");
    requireNonBlank(senderName, "senderName");
    requireNonBlank(content, "content");
    requireNonBlank(sentAt, "sentAt");
    try {
      Instant.parse(sentAt);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("sentAt must be an ISO-8601 instant");
    }
  }
}
