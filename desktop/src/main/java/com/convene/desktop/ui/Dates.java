package com.convene.desktop.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/// The one way the app writes dates and times: the user's locale's own formats (`java.time` localized styles,
/// CLDR data), so that the meetings list, the reminders, the tray menu and the recordings never mix US and
/// day-first orders. A meeting's start relative to now reads as Zoom's and Meet's lists do: "now", "in 5 min",
/// "started 3 min ago". Immutable and thread-safe.
///
/// @param zone   the zone to show times in (the system's)
/// @param locale the locale whose formats are used (the system's)
public record Dates(ZoneId zone, Locale locale) {
  /// How close to its start a meeting counts as starting "now", either side.
  public static final Duration NOW_WINDOW = Duration.ofMinutes(1);
  /// Beyond this a start is shown as a date and time only, no "in … min".
  public static final Duration RELATIVE_HORIZON = Duration.ofMinutes(60);

  /// The system's zone and locale.
  public static Dates system() {
    return new Dates(ZoneId.systemDefault(), Locale.getDefault());
  }

  /// Date and time, e.g. `6 Dec 2026, 14:30` (en-GB) or `Dec 6, 2026, 2:30 PM` (en-US).
  public String dateTime(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .withZone(zone).format(instant);
  }

  /// Time of day only, e.g. `14:30` or `2:30 PM`.
  public String time(Instant instant) {
    return timeFormatter().withZone(zone).format(instant);
  }

  /// The locale's medium date (e.g. `7 Dec 2026`, `Dec 7, 2026`, `07.12.2026`), for forms that show and read a
  /// day: the same date as [#dateTime] writes.
  public DateTimeFormatter dateFormatter() {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
  }

  /// The locale's short time of day, for forms that show and read a time (no zone).
  public DateTimeFormatter timeFormatter() {
    return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
  }

  /// The time alone when `instant` falls on `now`'s day, else date and time.
  public String when(Instant instant, Instant now) {
    return isToday(instant, now) ? time(instant) : dateTime(instant);
  }

  /// Whether `instant` is on the same calendar day as `now` in [#zone].
  public boolean isToday(Instant instant, Instant now) {
    return LocalDate.ofInstant(instant, zone).equals(LocalDate.ofInstant(now, zone));
  }

  /// "now", "in N min" (1–60) or "started N min ago" (1–60) for a start near `now`; empty beyond
  /// [#RELATIVE_HORIZON]. Minutes are rounded up before the start (a start in 4 min 10 s is "in 5 min").
  public String relative(Instant start, Instant now) {
    Duration until = Duration.between(now, start);
    if (until.abs().compareTo(NOW_WINDOW) < 0) {
      return Messages.get("dates.now");
    }
    if (until.abs().compareTo(RELATIVE_HORIZON) > 0) {
      return "";
    }
    if (until.isNegative()) {
      return Messages.get("dates.startedAgo", until.negated().toMinutes());
    }
    return Messages.get("dates.startsIn", (until.toSeconds() + 59) / 60);
  }

  /// A length such as `45 min` or `1 h 30 min`; `minutes` ≥ 0.
  public static String duration(long minutes) {
    if (minutes < 60) {
      return Messages.get("dates.minutes", minutes);
    }
    return minutes % 60 == 0 ? Messages.get("dates.hours", minutes / 60)
        : Messages.get("dates.hoursMinutes", minutes / 60, minutes % 60);
  }
}
