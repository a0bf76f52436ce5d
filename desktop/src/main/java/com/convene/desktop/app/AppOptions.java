package com.convene.desktop.app;

import com.convene.desktop.app.instance.DeepLink;
import com.convene.desktop.app.settings.AppSettings;
import com.convene.desktop.app.settings.ConfigLocations;
import com.convene.desktop.app.settings.LayeredSettings;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.ui.theme.ThemePreference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Start options of the app: the [LayeredSettings] of the system preset, the user's settings file and the command
/// line (`convene.<name>` system properties, then `--name=value` arguments, which win), under these names:
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
/// A bare argument `convene://join/<code>` or `https://…/j/<code>` ([DeepLink]) is the meeting the app joins as
/// soon as it is signed in. The password itself is never an option, so it stays out of `ps` output; a
/// `password-file` (mode 600) in the user's settings signs in unattended, as kiosk rooms and tests do.
/// @param joinLink     `convene://join/<code>` to join after sign-in, or `null`
/// @param passwordFile file holding the password for the automatic sign-in, or `null`
/// @param theme        light, dark, or follow the desktop
public record AppOptions(
    String server, String user, AudioMode audioMode, CallConfig.VideoChoice video, double toneHz,
    @Nullable String joinLink, @Nullable Path passwordFile, ThemePreference theme) {

  /// Names the settings layers understand; `convene.<name>` system properties count as command line.
  static final List<String> NAMES = List.of("server", "user", "audio", "video", "tone-hz", "password-file");

  /// The options before any argument or file is read (all defaults).
  static final AppOptions DEFAULTS = fromSettings(LayeredSettings.merge(Map.of(), Map.of(), Map.of()), List.of());

  /// Reads the settings files of `where` and merges them with the command line.
  static AppOptions parse(Map<String, String> named, List<String> unnamed, ConfigLocations where) {
    return fromSettings(AppSettings.load(where, named), unnamed);
  }

  static AppOptions fromSettings(LayeredSettings named, List<String> unnamed) {
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
    String link = DeepLink.find(unnamed).orElse(null);
    String passwordFile = value(named, "password-file", "");
    return new AppOptions(server, user, audio, video, toneHz, link,
        passwordFile.isBlank() ? null : Path.of(passwordFile), ThemePreference.parse(value(named, "theme", "system")));
  }

  private static String value(LayeredSettings settings, String name, String fallback) {
    return settings.get(name).orElse(fallback);
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
