package com.convene.desktop.reminders;

import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// Which meetings to remind of, and when, as Zoom's and Teams' desktop apps do: once per meeting start,
/// `lead` before it (or at once when the app learns of a meeting starting sooner), never for a meeting that
/// started more than [#LATE_GRACE] ago, ended or was cancelled; dismissed reminders stay dismissed unless the
/// meeting moves (a new start reminds again); snoozed ones come back after the snooze. Not thread-safe: one owner.
public final class ReminderRules {
  /// How late after the start a reminder is still shown (someone opening the laptop 3 minutes late).
  public static final Duration LATE_GRACE = Duration.ofMinutes(10);
  /// How far ahead the upcoming list looks (the tray menu's "next meetings").
  public static final Duration HORIZON = Duration.ofHours(24);
  /// The lead when nothing is configured.
  public static final Duration DEFAULT_LEAD = Duration.ofMinutes(5);

  private final Duration lead;
  /// Meeting id to the start it was reminded of (shown or dismissed).
  private final Map<UUID, Instant> reminded = new HashMap<>();
  /// Meeting id to when a snoozed reminder comes back.
  private final Map<UUID, Instant> snoozedUntil = new HashMap<>();

  /// The reminder lead from a setting (`reminder-minutes`): whole minutes, clamped to 0–60; missing or not a
  /// number means 5.
  public static Duration lead(@Nullable String minutes) {
    if (minutes == null || minutes.isBlank()) {
      return DEFAULT_LEAD;
    }
    try {
      return Duration.ofMinutes(Math.clamp(Long.parseLong(minutes.strip()), 0, 60));
    } catch (NumberFormatException e) {
      return DEFAULT_LEAD;
    }
  }

  /// @param lead how long before the start the reminder shows, e.g. 5 minutes
  public ReminderRules(Duration lead) {
    if (lead.isNegative()) {
      throw new IllegalArgumentException("lead must not be negative: " + lead);
    }
    this.lead = lead;
  }

  /// Meetings that start (or started less than [#LATE_GRACE] ago) within [#HORIZON], soonest first; ended and
  /// cancelled ones are left out.
  public static List<MeetingView> upcoming(List<MeetingView> meetings, Instant now) {
    List<MeetingView> result = new ArrayList<>();
    for (MeetingView meeting : meetings) {
      if (live(meeting) && meeting.scheduledStart() != null
          && meeting.scheduledStart().isAfter(now.minus(LATE_GRACE))
          && meeting.scheduledStart().isBefore(now.plus(HORIZON))) {
        result.add(meeting);
      }
    }
    result.sort(Comparator.comparing(MeetingView::scheduledStart));
    return result;
  }

  /// The reminders due at `now` that were not shown yet for this start; marks them as shown.
  public List<MeetingView> due(List<MeetingView> meetings, Instant now) {
    List<MeetingView> result = new ArrayList<>();
    for (MeetingView meeting : upcoming(meetings, now)) {
      Instant start = meeting.scheduledStart();
      Instant snooze = snoozedUntil.get(meeting.id());
      boolean snoozeOver = snooze != null && !now.isBefore(snooze);
      boolean newStart = !start.equals(reminded.get(meeting.id()));
      if (!now.isBefore(start.minus(lead)) && (newStart || snoozeOver)) {
        reminded.put(meeting.id(), start);
        snoozedUntil.remove(meeting.id());
        result.add(meeting);
      }
    }
    return result;
  }

  /// The person snoozed the reminder of `meeting`: it comes back `delay` after `now` (if the meeting is still
  /// upcoming then).
  public void snooze(MeetingView meeting, Instant now, Duration delay) {
    snoozedUntil.put(meeting.id(), now.plus(delay));
  }

  private static boolean live(MeetingView meeting) {
    String status = meeting.status() == null ? "" : meeting.status();
    return !status.equals("ended") && !status.equals("cancelled");
  }
}
