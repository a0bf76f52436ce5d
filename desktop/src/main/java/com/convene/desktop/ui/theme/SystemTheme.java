package com.convene.desktop.ui.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Whether the desktop prefers dark: on GNOME-like Linux desktops `gsettings` answers
/// `org.gnome.desktop.interface color-scheme` (`'prefer-dark'`) or, on older ones, a `gtk-theme` whose name
/// ends in `-dark`; the `GTK_THEME` variable (`Adwaita:dark`) wins when set. Anything unknown means light.
///
/// [#detect] runs processes and waits up to 2 s for each: never call it on the FX thread.
public final class SystemTheme {
  private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);
  private static final long TIMEOUT_MILLIS = 2_000;

  private SystemTheme() {}

  /// The mode for `preference`: the chosen one, or the desktop's for [ThemePreference#SYSTEM]. Blocking.
  public static ThemeMode resolve(ThemePreference preference) {
    return switch (preference) {
      case LIGHT -> ThemeMode.LIGHT;
      case DARK -> ThemeMode.DARK;
      case SYSTEM -> detect();
    };
  }

  /// The desktop's mode, [ThemeMode#LIGHT] when it cannot be told. Blocking, off the FX thread.
  public static ThemeMode detect() {
    String gtkTheme = System.getenv("GTK_THEME");
    if (gtkTheme != null && !gtkTheme.isBlank()) {
      return fromGtkTheme(gtkTheme);
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return ThemeMode.LIGHT;
    }
    Optional<String> scheme = gsettings("color-scheme");
    if (scheme.isPresent() && fromColorScheme(scheme.get()).isPresent()) {
      return fromColorScheme(scheme.get()).get();
    }
    return gsettings("gtk-theme").map(SystemTheme::fromGtkTheme).orElse(ThemeMode.LIGHT);
  }

  /// Reads a `gsettings` answer such as `'prefer-dark'`; empty for `'default'` (the theme name decides then).
  static Optional<ThemeMode> fromColorScheme(String answer) {
    String value = unquote(answer);
    if (value.equals("prefer-dark")) {
      return Optional.of(ThemeMode.DARK);
    }
    return value.equals("prefer-light") ? Optional.of(ThemeMode.LIGHT) : Optional.empty();
  }

  /// Dark when a GTK theme name such as `'Adwaita-dark'` or `Yaru:dark` names a dark variant.
  static ThemeMode fromGtkTheme(String answer) {
    String value = unquote(answer).toLowerCase(Locale.ROOT);
    return value.endsWith("-dark") || value.endsWith(":dark") || value.contains("-dark-") ? ThemeMode.DARK
        : ThemeMode.LIGHT;
  }

  private static String unquote(String answer) {
    String value = answer.strip();
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static Optional<String> gsettings(String key) {
    try {
      Process process = new ProcessBuilder(List.of("gsettings", "get", "org.gnome.desktop.interface", key))
          .redirectErrorStream(true)
          .start();
      if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      LOG.debug("gsettings is not available: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
