package com.convene.desktop.app.instance;

import com.convene.desktop.call.JoinLink;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// A meeting link given to the app on its command line: `convene://join/<code>` (what the desktop entry, the
/// Windows registry and macOS pass when a link is clicked) or `https://<host>/j/<code>`.
///
/// Only links that [JoinLink] accepts count: a crafted `convene://` URL cannot smuggle anything but a join
/// code or meeting id into the app.
public final class DeepLink {
  private DeepLink() {}

  /// The first argument that is a meeting link, normalised to `convene://join/<code>`; options (`--name=value`)
  /// and anything else are skipped.
  public static Optional<String> find(List<String> arguments) {
    for (String argument : arguments) {
      Optional<String> link = parse(argument);
      if (link.isPresent()) {
        return link;
      }
    }
    return Optional.empty();
  }

  /// `text` as `convene://join/<code>` when it is a `convene:` or web join link, else empty. A bare code is not
  /// a link here: on a command line it could be any word.
  public static Optional<String> parse(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    boolean linkLike = lower.startsWith("convene:")
        || ((lower.startsWith("https://") || lower.startsWith("http://")) && lower.contains("/j/"));
    if (!linkLike) {
      return Optional.empty();
    }
    return JoinLink.parse(text).map(code -> "convene://join/" + code);
  }
}
