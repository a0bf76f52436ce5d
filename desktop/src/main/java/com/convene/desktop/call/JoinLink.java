package com.convene.desktop.call;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/// Extracts the meeting reference from what a user pastes: `convene://join/<code>`, `https://<host>/j/<code>`,
/// a bare join code such as `abc-defg-hij`, or a meeting id (UUID).
public final class JoinLink {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final int MAX_CODE_CHARS = 64;

  private JoinLink() {}

  /// Returns the join code or meeting id in `input`, lower-cased, or empty when it is not a meeting reference.
  public static Optional<String> parse(String input) {
    String text = input.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String candidate;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("convene://")) {
      candidate = afterPrefix(text, "convene://join/");
    } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
      candidate = fromWebLink(text);
    } else {
      candidate = text;
    }
    if (candidate == null) {
      return Optional.empty();
    }
    String reference = candidate.toLowerCase(Locale.ROOT);
    if (reference.length() > MAX_CODE_CHARS) {
      return Optional.empty();
    }
    if (UUID_TEXT.matcher(reference).matches() || (CODE.matcher(reference).matches() && reference.contains("-"))) {
      return Optional.of(reference);
    }
    return Optional.empty();
  }

  private static String afterPrefix(String text, String prefix) {
    if (!text.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return null;
    }
    return stripTail(text.substring(prefix.length()));
  }

  private static String fromWebLink(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String path = uri.getPath();
    if (path == null) {
      return null;
    }
    int marker = path.lastIndexOf("/j/");
    return marker < 0 ? null : stripTail(path.substring(marker + 3));
  }

  private static String stripTail(String rest) {
    String code = rest;
    for (char stop : new char[] {'?', '#', '/'}) {
      int at = code.indexOf(stop);
      if (at >= 0) {
        code = code.substring(0, at);
      }
    }
    return code.isEmpty() ? null : code;
  }
}
