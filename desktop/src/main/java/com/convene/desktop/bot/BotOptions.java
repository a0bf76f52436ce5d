package com.convene.desktop.bot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Parsed command line of [BotMain].
/// @param server       REST base URL, e.g. `http://127.0.0.2:8080`
/// @param user         user name
/// @param password     password (never printed)
/// @param meeting      join code, meeting id or join link
/// @param name         display name, 1–200 characters
/// @param source       `pattern`, `screen` or `file`
/// @param file         Y4M file for `--source file`
/// @param toneHz       tone frequency in Hz, 20–20,000; 0 sends no audio
/// @param duration     how long to stay, 1 s or more
/// @param reportEvery  interval of the periodic report, 1 s or more
public record BotOptions(
    URI server,
    String user,
    String password,
    String meeting,
    String name,
    String source,
    @Nullable Path file,
    double toneHz,
    Duration duration,
    Duration reportEvery) {

  static final String USAGE = """
      usage: BotMain --server http://127.0.0.2:8080 --user u --password p --meeting <code|id|link>
                     [--name Bot1] [--source pattern|screen|file] [--file clip.y4m] [--tone-hz 440]
                     [--duration 20s] [--report-every 5s]""";

  /// Parses `args`.
  /// @throws IllegalArgumentException with a message naming the bad option
  public static BotOptions parse(String[] args) {
    URI server = null;
    String user = null;
    String password = null;
    String meeting = null;
    String name = "Bot";
    String source = "pattern";
    Path file = null;
    double toneHz = 440;
    Duration duration = Duration.ofSeconds(20);
    Duration reportEvery = Duration.ofSeconds(5);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--server" -> server = URI.create(value.replaceAll("/+$", ""));
        case "--user" -> user = value;
        case "--password" -> password = value;
        case "--meeting" -> meeting = value;
        case "--name" -> name = value;
        case "--source" -> source = value.toLowerCase(Locale.ROOT);
        case "--file" -> file = Path.of(value);
        case "--tone-hz" -> toneHz = Double.parseDouble(value);
        case "--duration" -> duration = parseDuration(value);
        case "--report-every" -> reportEvery = parseDuration(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (server == null || user == null || password == null || meeting == null) {
      throw new IllegalArgumentException("--server, --user, --password and --meeting are required");
    }
    if (!source.equals("pattern") && !source.equals("screen") && !source.equals("file")) {
      throw new IllegalArgumentException("--source must be pattern, screen or file");
    }
    if (source.equals("file") && file == null) {
      throw new IllegalArgumentException("--source file needs --file <clip.y4m>");
    }
    if (toneHz != 0 && (toneHz < 20 || toneHz > 20_000)) {
      throw new IllegalArgumentException("--tone-hz must be 0 or 20-20000");
    }
    if (duration.toMillis() < 1_000 || reportEvery.toMillis() < 100) {
      throw new IllegalArgumentException("--duration must be at least 1s and --report-every at least 100ms");
    }
    return new BotOptions(server, user, password, meeting, name, source, file, toneHz, duration, reportEvery);
  }

  /// Parses `20s`, `500ms`, `2m`, `1h` or an ISO-8601 duration such as `PT20S`.
  static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("bad duration: " + text);
    }
  }

  /// Hides the password.
  @Override
  public String toString() {
    return "BotOptions[server=" + server + ", user=" + user + ", meeting=" + meeting + ", name=" + name
        + ", source=" + source + ", toneHz=" + toneHz + ", duration=" + duration + "]";
  }
}
