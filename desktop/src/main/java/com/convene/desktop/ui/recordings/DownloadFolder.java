package com.convene.desktop.ui.recordings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// Where recordings and installers are saved: the `convene.downloads` setting, else the desktop's downloads
/// folder as the XDG user-dirs file names it (`XDG_DOWNLOAD_DIR` in `$XDG_CONFIG_HOME/user-dirs.dirs`, freedesktop
/// xdg-user-dirs), else `~/Downloads`. Never the home folder itself: a missing folder is created when the first
/// download starts ([RecordingsViewModel#downloadSelected]). Blocking file reads; off the FX thread or at start.
public final class DownloadFolder {
  private static final Pattern DOWNLOAD_DIR = Pattern.compile("^\\s*XDG_DOWNLOAD_DIR\\s*=\\s*\"([^\"]*)\"\\s*$");

  private DownloadFolder() {}

  /// The folder for this user and machine.
  ///
  /// @param configured the `convene.downloads` setting, or null/blank
  /// @param home       the home folder (`user.home`)
  /// @param env        the environment (`XDG_CONFIG_HOME`)
  public static Path resolve(@Nullable String configured, Path home, Map<String, String> env) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String configHome = env.getOrDefault("XDG_CONFIG_HOME", "");
    Path userDirs = (configHome.isBlank() ? home.resolve(".config") : Path.of(configHome)).resolve("user-dirs.dirs");
    Path fromUserDirs = fromUserDirs(userDirs, home);
    return fromUserDirs != null ? fromUserDirs : home.resolve("Downloads");
  }

  /// `XDG_DOWNLOAD_DIR` from a user-dirs file (`$HOME` expanded), or null when the file or the line is missing or
  /// it names the home folder itself (xdg-user-dirs' way of saying "disabled").
  static @Nullable Path fromUserDirs(Path file, Path home) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    for (String line : lines) {
      Matcher match = DOWNLOAD_DIR.matcher(line);
      if (match.matches()) {
        String value = match.group(1);
        Path dir = value.startsWith("$HOME") ? Path.of(home + value.substring("$HOME".length()))
            : Path.of(value);
        return dir.normalize().equals(home.normalize()) || !dir.isAbsolute() ? null : dir;
      }
    }
    return null;
  }
}
