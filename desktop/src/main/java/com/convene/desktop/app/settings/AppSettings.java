package com.convene.desktop.app.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/// Every setting of the app through one door: the [LayeredSettings] of the system preset, the user's file and
/// the command line, where the command line is the `convene.<key>` system properties (`-Dconvene.prejoin=false`)
/// with the `convene.` prefix removed. A key the preset locks keeps the preset's value whatever a property says.
/// The properties that locate the layers themselves (`convene.settings.*`) and the log folder (`convene.log.dir`,
/// read by logback before any setting) are not settings. Reads files: call at start or off the FX thread.
public final class AppSettings {
  private AppSettings() {}

  /// The settings now, with `named` (`--name=value` arguments) over the system properties.
  public static LayeredSettings load(ConfigLocations where, Map<String, String> named) {
    Map<String, String> commandLine = new HashMap<>(systemProperties(System.getProperties()));
    commandLine.putAll(named);
    return LayeredSettings.load(where, commandLine);
  }

  /// The settings now, the system properties as command line.
  public static LayeredSettings load(ConfigLocations where) {
    return load(where, Map.of());
  }

  /// A switch: `false` (any case) is off, anything else on; `fallback` when no layer sets it.
  public static boolean flag(LayeredSettings settings, String key, boolean fallback) {
    Optional<String> value = settings.get(key).map(String::strip);
    return value.map(v -> !v.equalsIgnoreCase("false")).orElse(fallback);
  }

  /// The `convene.<key>` system properties as settings keys, without the ones that are not settings.
  static Map<String, String> systemProperties(Properties properties) {
    Map<String, String> result = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("convene.") && !name.startsWith("convene.settings.") && !name.equals("convene.log.dir")) {
        result.put(name.substring("convene.".length()), properties.getProperty(name));
      }
    }
    return result;
  }
}
