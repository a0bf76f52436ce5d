package com.convene.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Issue 16 item 13: one locale-aware date format everywhere. [Dates] follows the locale (US month-first with
/// AM/PM, UK and German day-first with 24 h), says "in 5 min", "now" and "started 3 min ago", and no screen,
/// reminder or tray text formats a date on its own (only file names use a fixed, locale-free pattern).
class DatesTest {
  private static final Instant START = Instant.parse("2026-12-07T14:30:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void followsTheLocale() {
    assertThat(new Dates(UTC, Locale.US).dateTime(START)).isEqualTo("Dec 7, 2026, 2:30\u202fPM");
    assertThat(new Dates(UTC, Locale.UK).dateTime(START)).isEqualTo("7 Dec 2026, 14:30");
    assertThat(new Dates(UTC, Locale.GERMANY).dateTime(START)).isEqualTo("07.12.2026, 14:30");
    assertThat(new Dates(ZoneId.of("Europe/Berlin"), Locale.GERMANY).time(START)).isEqualTo("15:30");
  }

  @Test
  void saysHowSoonAMeetingStarts() {
    Dates dates = new Dates(UTC, Locale.UK);
    assertThat(dates.relative(START, START.minusSeconds(4 * 60 + 10))).isEqualTo("in 5 min");
    assertThat(dates.relative(START, START.minusSeconds(30))).isEqualTo("now");
    assertThat(dates.relative(START, START.plusSeconds(3 * 60 + 5))).isEqualTo("started 3 min ago");
    assertThat(dates.relative(START, START.minusSeconds(2 * 3600))).isEmpty();
    assertThat(dates.when(START, START.minusSeconds(3600))).isEqualTo("14:30");
    assertThat(dates.when(START, START.minusSeconds(86_400))).isEqualTo("7 Dec 2026, 14:30");
    assertThat(Dates.duration(45)).isEqualTo("45 min");
    assertThat(Dates.duration(90)).isEqualTo("1 h 30 min");
  }

  @Test
  void noScreenFormatsDatesOnItsOwn() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String dir : List.of("ui", "reminders")) {
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/convene/desktop", dir))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Dates.java")).toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean formats = line.contains("DateTimeFormatter.of") || line.contains("SimpleDateFormat");
            if (formats && !line.contains("Locale.ROOT")) {
              offenders.add(file.getFileName() + ":" + (i + 1));
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
