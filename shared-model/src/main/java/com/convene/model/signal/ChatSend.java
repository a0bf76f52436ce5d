package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// A chat message from the client to everyone in its room. The server stores it in `chat_messages` first and then
/// delivers a [ChatMessage] to everyone, the sender included; that copy, carrying the same `clientMessageId`, is
/// the sender's acknowledgement. Sending the same `clientMessageId` again (e.g. after a lost acknowledgement)
/// stores nothing new and delivers the stored message again.
/// Refused with [ErrorCode#CHAT_DISABLED] when the meeting's `allow_chat` is false.
/// @param clientMessageId client-chosen id, unique per sender and meeting, 1–64 characters
/// @param content         message text, 1–4,000 characters
public record ChatSend(String clientMessageId, String content) implements Signal {
  /// Wire name.
  public static final String TYPE = "chat-send";
  /// Longest accepted `content`, in characters.
  public static final int MAX_CONTENT_CHARS = 4_000;
  /// Longest accepted `clientMessageId`, in characters.
  public static final int MAX_CLIENT_ID_CHARS = 64;

  public ChatSend {
    requireNonBlank(clientMessageId, "clientMessageId");
    requireNonBlank(content, "content");
    if (clientMessageId.length() > MAX_CLIENT_ID_CHARS) {
      throw new IllegalArgumentException("clientMessageId must be at most " + MAX_CLIENT_ID_CHARS + " characters");
    }
    if (content.length() > MAX_CONTENT_CHARS) {
      throw new IllegalArgumentException("content must be at most " + MAX_CONTENT_CHARS + " characters");
    }
  }
}
