package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Someone in the room reacted; clients show `emoji` over that participant's tile for a few seconds.
/// @param participantId who reacted (UUID text)
/// @param emoji         the reaction, 1–[SendReaction#MAX_EMOJI_CHARS] UTF-16 characters without whitespace
public record ReactionReceived(String participantId, String emoji) implements Signal {
  /// Wire name.
  public static final String TYPE = "reaction";

  public ReactionReceived {
    requireNonBlank(participantId, "participantId");
    requireEmoji(emoji);
  }

  static void requireEmoji(String emoji) {
    requireNonBlank(emoji, "emoji");
    if (emoji.length() > SendReaction.MAX_EMOJI_CHARS) {
      throw new IllegalArgumentException("emoji must be at most " + SendReaction.MAX_EMOJI_CHARS + " characters");
    }
    if (emoji.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("emoji must not contain whitespace or control characters");
    }
  }
}
