package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The client sends a reaction (an emoji) to everyone in its room; the server relays it as [ReactionReceived]
/// to everyone, the sender included. Reactions are ephemeral: nothing is stored.
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
/// @param emoji     the reaction, 1–[#MAX_EMOJI_CHARS] UTF-16 characters without whitespace
public record SendReaction(String requestId, String emoji) implements Signal {
  /// Wire name.
  public static final String TYPE = "send-reaction";
  /// Longest accepted `emoji`, in UTF-16 characters (room for a skin tone or a ZWJ sequence).
  public static final int MAX_EMOJI_CHARS = 16;

  public SendReaction {
    requireNonBlank(requestId, "requestId");
    ReactionReceived.requireEmoji(emoji);
  }
}
