package com.convene.desktop.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Parsed command line of [DemoMain].
/// @param mode         what to run
/// @param server       REST base URL, e.g. `http://127.0.0.2:8080`
/// @param user         user name to sign in as (the bootstrap admin in `scripts/run.sh`)
/// @param passwordFile file whose first line is the password; the password never appears in argv
/// @param duration     how long the call lasts, 1 s or more; `null` in app mode means until the window closes
/// @param reportEvery  interval of the periodic report lines, 1 s or more
record DemoOptions(
    Mode mode, URI server, String user, Path passwordFile, @Nullable Duration duration, Duration reportEvery) {

  static final String USAGE = """
      usage: DemoMain --mode bots|app --server http://127.0.0.2:8080 --user admin --password-file <file>
                      [--duration 20s] [--report-every 5s]""";

  /// Default call length of the bots mode.
  static final Duration DEFAULT_BOTS_DURATION = Duration.ofSeconds(20);

  /// What the demo runs.
  enum Mode {
    /// Three bots through the SFU, no display needed.
    BOTS,
    /// One bot plus the desktop app.
    APP
  }

  /// Parses `args`.
  /// @throws IllegalArgumentException with a message naming the bad option
  static DemoOptions parse(String[] args) {
    Mode mode = Mode.BOTS;
    URI server = null;
    String user = null;
    Path passwordFile = null;
    Duration duration = null;
    Duration reportEvery = Duration.ofSeconds(5);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--mode" -> mode = switch (value.toLowerCase(Locale.ROOT)) {
          case "bots" -> Mode.BOTS;
          case "app" -> Mode.APP;
          default -> throw new IllegalArgumentException("--mode must be bots or app");
        };
        case "--server" -> server = URI.create(value.replaceAll("/+$", ""));
        case "--user" -> user = value;
        case "--password-file" -> passwordFile = Path.of(value);
        case "--duration" -> duration = parseDuration(value);
        case "--report-every" -> reportEvery = parseDuration(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (server == null || user == null || passwordFile == null) {
      throw new IllegalArgumentException("--server, --user and --password-file are required");
    }
    if ((duration != null && duration.toMillis() < 1_000) || reportEvery.toMillis() < 1_000) {
      throw new IllegalArgumentException("--duration and --report-every must be at least 1s");
    }
    if (duration == null && mode == Mode.BOTS) {
      duration = DEFAULT_BOTS_DURATION;
    }
    return new DemoOptions(mode, server, user, passwordFile, duration, reportEvery);
  }

  /// Parses `20s`, `1.5s`, `500ms`, `2m` or an ISO-8601 duration such as `PT20S`.
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
      throw new IllegalArgumentException("bad duration: " + text);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("bad duration: " + text);
    }
  }
}
