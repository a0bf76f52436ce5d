package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

/// A chat message delivered to everyone in the room, the sender included (its acknowledgement: match
/// `message.clientMessageId()`). Once a client sees it, the message is stored in PostgreSQL.
/// @param message the stored message
public record ChatMessage(ChatEntry message) implements Signal {
  /// Wire name.
  public static final String TYPE = "chat-message";

  public ChatMessage {
    requireNonNull(message, "message");
  }
}
