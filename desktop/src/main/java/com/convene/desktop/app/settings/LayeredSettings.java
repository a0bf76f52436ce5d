package com.convene.desktop.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The app's settings, merged from three layers; a later layer wins per key:
///
/// 1. the system-wide preset IT rolls out ([ConfigLocations#systemFile]),
/// 2. the user's `settings.properties` ([ConfigLocations#userFile]; the app writes it),
/// 3. the command line (`--name=value`; `-Dconvene.name=value` counts as command line too).
///
/// The preset may name keys under `locked` (comma-separated, e.g. `locked=server`): for those the preset wins
/// over every other layer, so a managed machine cannot be pointed at another server. Keys are the option names
/// of `AppOptions` (`server`, `user`, `audio`, …) plus `sso.*`, which are kept for the single sign-on the app
/// does not have yet. Lines such as `[managed]` (the section the Windows installer writes) are ignored.
/// Immutable.
public final class LayeredSettings {
  private static final Logger LOG = LoggerFactory.getLogger(LayeredSettings.class);
  /// The preset key that lists the locked keys.
  public static final String LOCKED = "locked";

  private final Map<String, String> values;
  private final Set<String> locked;

  private LayeredSettings(Map<String, String> values, Set<String> locked) {
    this.values = Map.copyOf(values);
    this.locked = Set.copyOf(locked);
  }

  /// Merges the three layers (see the type's description).
  public static LayeredSettings merge(Map<String, String> system, Map<String, String> user,
      Map<String, String> commandLine) {
    Set<String> locked = Arrays.stream(system.getOrDefault(LOCKED, "").split(","))
        .map(String::strip).filter(k -> !k.isEmpty()).collect(Collectors.toCollection(java.util.HashSet::new));
    Map<String, String> merged = new LinkedHashMap<>();
    system.forEach((k, v) -> {
      if (!k.equals(LOCKED)) {
        merged.put(k, v);
      }
    });
    for (Map<String, String> layer : java.util.List.of(user, commandLine)) {
      layer.forEach((k, v) -> {
        if (!locked.contains(k) || !system.containsKey(k)) {
          merged.put(k, v);
        }
      });
    }
    locked.retainAll(system.keySet()); // a lock on a key the preset does not set locks nothing
    return new LayeredSettings(merged, locked);
  }

  /// Reads the system preset and the user file of `where` (missing files are empty layers) and merges them with
  /// the command line.
  public static LayeredSettings load(ConfigLocations where, Map<String, String> commandLine) {
    return merge(read(where.systemFile()), read(where.userFile()), commandLine);
  }

  /// The value of `key`, if any layer sets it.
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /// Whether the preset locks `key` (the app should not offer to change it).
  public boolean isLocked(String key) {
    return locked.contains(key);
  }

  /// Every merged key and value, sorted by key.
  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }

  /// A properties file as a map; empty when it does not exist or cannot be read (logged).
  static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Cannot read settings file {}: {}", file, e.toString());
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith("[")) {
        map.put(name.strip(), properties.getProperty(name).strip());
      }
    }
    return map;
  }

  /// Sets `updates` in the user's settings file, keeping its other keys; creates the file and its directory.
  /// Blocking file IO: not on the FX thread.
  public static void saveUser(ConfigLocations where, Map<String, String> updates) throws IOException {
    Map<String, String> current = new TreeMap<>(read(where.userFile()));
    current.putAll(updates);
    Properties properties = new Properties();
    properties.putAll(current);
    Files.createDirectories(where.userDir());
    Path temporary = Files.createTempFile(where.userDir(), "settings", ".tmp");
    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(out, "Convene user settings (the app keeps this file up to date)");
    }
    Files.move(temporary, where.userFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
