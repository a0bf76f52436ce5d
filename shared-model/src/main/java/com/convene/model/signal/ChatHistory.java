package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

import java.util.List;

/// The meeting's recent chat, sent to a joiner right after [Joined]: up to the last 100 messages of the
/// Redis cache `chat:{meeting_id}` (24 h), oldest first. A message may also arrive as a [ChatMessage]
/// around the join; clients de-duplicate by [ChatEntry#messageId()].
/// @param messages oldest first, 0–100
public record ChatHistory(List<ChatEntry> messages) implements Signal {
  /// Wire name.
  public static final String TYPE = "chat-history";

  public ChatHistory {
    messages = List.copyOf(requireNonNull(messages, "messages"));
  }
}
