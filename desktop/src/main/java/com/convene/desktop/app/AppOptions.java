package com.convene.desktop.app;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.ui.theme.ThemePreference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Start options of the app, from `--name=value` arguments or `convene.<name>` system properties (arguments win).
///
/// | name      | values                          | default   |
/// |-----------|---------------------------------|-----------|
/// | `server`  | REST base URL to prefill        | empty     |
/// | `user`    | user name to prefill            | empty     |
/// | `audio`   | `auto`, `headless`              | `auto`    |
/// | `video`   | `camera`, `pattern`             | `camera`  |
/// | `tone-hz` | send a tone instead of the mic, 20–20,000 Hz; 0 = microphone | `0` |
/// | `password-file` | file whose first line is the password: with `server` and `user` the app signs in at start | none |
/// | `theme`   | `light`, `dark`, `system` (follow the desktop) | `system` |
///
/// A bare argument `convene://join/<code>` or `https://…/j/<code>` prefills the join field; after a sign-in from
/// `password-file` the app also joins it. The password itself is never an option, so it stays out of `ps` output.
/// @param joinLink     link or code to prefill, or `null`
/// @param passwordFile file holding the password for the automatic sign-in, or `null`
/// @param theme        light, dark, or follow the desktop
public record AppOptions(
    String server, String user, AudioMode audioMode, CallConfig.VideoChoice video, double toneHz,
    @Nullable String joinLink, @Nullable Path passwordFile, ThemePreference theme) {

  static AppOptions parse(Map<String, String> named, List<String> unnamed) {
    String server = value(named, "server", "");
    String user = value(named, "user", "");
    AudioMode audio = value(named, "audio", "auto").equalsIgnoreCase("headless") ? AudioMode.HEADLESS : AudioMode.AUTO;
    CallConfig.VideoChoice video = value(named, "video", "camera").equalsIgnoreCase("pattern")
        ? CallConfig.VideoChoice.PATTERN : CallConfig.VideoChoice.CAMERA;
    double toneHz;
    try {
      toneHz = Double.parseDouble(value(named, "tone-hz", "0"));
    } catch (NumberFormatException e) {
      toneHz = 0;
    }
    String link = unnamed.stream()
        .filter(a -> a.toLowerCase(Locale.ROOT).startsWith("convene:") || a.contains("/j/"))
        .findFirst().orElse(null);
    String passwordFile = value(named, "password-file", "");
    return new AppOptions(server, user, audio, video, toneHz, link,
        passwordFile.isBlank() ? null : Path.of(passwordFile), ThemePreference.parse(value(named, "theme", "system")));
  }

  private static String value(Map<String, String> named, String name, String fallback) {
    String argument = named.get(name);
    if (argument != null) {
      return argument;
    }
    return System.getProperty("convene." + name, fallback);
  }

  /// Whether the app signs in by itself at start.
  boolean signsInAutomatically() {
    return passwordFile != null && !server.isBlank() && !user.isBlank();
  }

  /// The audio the call publishes.
  CallConfig.AudioChoice audioChoice() {
    return toneHz >= 20 ? CallConfig.AudioChoice.TONE : CallConfig.AudioChoice.MICROPHONE;
  }
}
