package com.convene.desktop.ui.schedule;

import org.jspecify.annotations.Nullable;

/// The repeat choices of the schedule form and their RFC 5545 §3.3.10 RRULE values (the forms the backend's
/// `Recurrences` accepts: FREQ DAILY, WEEKLY or MONTHLY, with COUNT).
public enum Recurrence {
  NONE(null),
  DAILY("FREQ=DAILY"),
  WEEKDAYS("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
  WEEKLY("FREQ=WEEKLY"),
  MONTHLY("FREQ=MONTHLY");

  private final @Nullable String frequency;

  Recurrence(@Nullable String frequency) {
    this.frequency = frequency;
  }

  /// The RRULE value for `count` occurrences (2–400), or null for [#NONE].
  public @Nullable String rule(int count) {
    return frequency == null ? null : frequency + ";COUNT=" + count;
  }

  /// The choice an RRULE value was made from, or null when the rule is not one of these forms (then the form
  /// leaves it as it is); a blank or null rule is [#NONE].
  public static @Nullable Recurrence of(@Nullable String rule) {
    if (rule == null || rule.isBlank()) {
      return NONE;
    }
    String withoutCount = rule.replaceAll(";?COUNT=\\d+", "");
    for (Recurrence recurrence : values()) {
      if (withoutCount.equals(recurrence.frequency)) {
        return recurrence;
      }
    }
    return null;
  }

  /// The COUNT of an RRULE value, or `fallback` when it has none.
  public static int count(@Nullable String rule, int fallback) {
    if (rule != null) {
      java.util.regex.Matcher count = java.util.regex.Pattern.compile("COUNT=(\\d+)").matcher(rule);
      if (count.find()) {
        return Integer.parseInt(count.group(1));
      }
    }
    return fallback;
  }
}
