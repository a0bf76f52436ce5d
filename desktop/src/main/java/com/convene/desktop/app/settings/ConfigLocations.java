package com.convene.desktop.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/// The platform's places for Convene's files.
///
/// | platform | system preset (written by IT) | user settings | logs | runtime (lock, socket) |
/// |---|---|---|---|---|
/// | Linux   | `/etc/convene/convene.properties` | `$XDG_CONFIG_HOME/convene` (`~/.config/convene`) | `$XDG_STATE_HOME/convene` (`~/.local/state/convene`) | `$XDG_RUNTIME_DIR/convene` (`/tmp/convene-<user>`) |
/// | macOS   | `/Library/Application Support/Convene/convene.properties` | `~/Library/Application Support/Convene` | `~/Library/Logs/Convene` | `$TMPDIR/convene` |
/// | Windows | `%ProgramData%\Convene\convene.properties` (MSI property `SERVERURL`) | `%APPDATA%\Convene` | `%LOCALAPPDATA%\Convene\logs` | `%LOCALAPPDATA%\Convene\run` |
///
/// The system properties `convene.settings.system-file` and `convene.settings.user-dir` replace the first two
/// (tests point them into `target/`).
/// @param systemFile the read-only preset, may be absent
/// @param userDir    directory of the user's `settings.properties`
/// @param logDir     directory of `convene.log`
/// @param runtimeDir directory of the single-instance lock and socket (short path: Unix sockets allow ~100 bytes)
public record ConfigLocations(Path systemFile, Path userDir, Path logDir, Path runtimeDir) {

  /// The user's settings file inside [#userDir].
  public Path userFile() {
    return userDir.resolve("settings.properties");
  }

  /// The locations of this process: its OS, environment and system properties.
  public static ConfigLocations current() {
    ConfigLocations platform = forPlatform(System.getProperty("os.name", ""), System.getenv(),
        System.getProperty("user.home", "."), System.getProperty("user.name", "user"),
        System.getProperty("java.io.tmpdir", "/tmp"));
    String systemFile = System.getProperty("convene.settings.system-file");
    String userDir = System.getProperty("convene.settings.user-dir");
    return new ConfigLocations(
        systemFile != null ? Path.of(systemFile) : platform.systemFile(),
        userDir != null ? Path.of(userDir) : platform.userDir(),
        platform.logDir(), platform.runtimeDir());
  }

  /// The locations for an OS (`os.name`), environment and home directory.
  static ConfigLocations forPlatform(String osName, Map<String, String> env, String home, String user, String tmp) {
    String os = osName.toLowerCase(Locale.ROOT);
    Path homeDir = Path.of(home);
    if (os.startsWith("windows")) {
      Path programData = Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"));
      Path appData = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA"))
          : homeDir.resolve("AppData").resolve("Roaming");
      Path localAppData = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA"))
          : homeDir.resolve("AppData").resolve("Local");
      Path local = localAppData.resolve("Convene");
      return new ConfigLocations(programData.resolve("Convene").resolve("convene.properties"),
          appData.resolve("Convene"), local.resolve("logs"), local.resolve("run"));
    }
    if (os.startsWith("mac")) {
      Path library = homeDir.resolve("Library");
      return new ConfigLocations(Path.of("/Library/Application Support/Convene/convene.properties"),
          library.resolve("Application Support").resolve("Convene"), library.resolve("Logs").resolve("Convene"),
          Path.of(env.getOrDefault("TMPDIR", tmp)).resolve("convene"));
    }
    Path config = xdg(env, "XDG_CONFIG_HOME", homeDir.resolve(".config"));
    Path state = xdg(env, "XDG_STATE_HOME", homeDir.resolve(".local").resolve("state"));
    Path runtime = env.containsKey("XDG_RUNTIME_DIR") && !env.get("XDG_RUNTIME_DIR").isBlank()
        ? Path.of(env.get("XDG_RUNTIME_DIR")).resolve("convene") : Path.of(tmp).resolve("convene-" + user);
    return new ConfigLocations(Path.of("/etc/convene/convene.properties"), config.resolve("convene"),
        state.resolve("convene"), runtime);
  }

  /// XDG base directories must be absolute; a relative or empty value is ignored (XDG Base Directory spec).
  private static Path xdg(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    return value != null && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
  }
}
