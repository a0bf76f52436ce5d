package com.convene.desktop.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// When a reminder shows: `lead` before the start, once per start, again after a snooze or a move, never for an
/// ended, cancelled or long-started meeting; and which meetings the tray lists.
class ReminderRulesTest {
  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  private final ReminderRules rules = new ReminderRules(Duration.ofMinutes(5));

  private static MeetingView meeting(String title, Instant start, String status) {
    return new MeetingView(UUID.nameUUIDFromBytes(title.getBytes()), UUID.randomUUID(), title, null, "scheduled",
        status, start, start.plusSeconds(3600), "Europe/Berlin", null, null, 60, 100,
        false, false, true, false, true, true, true, false, "abc-defg-hij",
        "convene://join/abc-defg-hij", "https://meet.example.com/j/abc-defg-hij", null, null);
  }

  @Test
  void remindsOnceLeadBeforeTheStart() {
    MeetingView standup = meeting("Standup", NINE, "scheduled");
    assertThat(rules.due(List.of(standup), NINE.minusSeconds(301))).isEmpty();
    assertThat(rules.due(List.of(standup), NINE.minusSeconds(300))).containsExactly(standup);
    assertThat(rules.due(List.of(standup), NINE.minusSeconds(240))).as("dismissed or shown: once").isEmpty();
    assertThat(rules.due(List.of(standup), NINE.plusSeconds(60))).isEmpty();
  }

  @Test
  void aSnoozeBringsItBackAndAMovedMeetingRemindsAgain() {
    MeetingView standup = meeting("Standup", NINE, "scheduled");
    assertThat(rules.due(List.of(standup), NINE.minusSeconds(300))).hasSize(1);
    rules.snooze(standup, NINE.minusSeconds(300), Duration.ofMinutes(5));
    assertThat(rules.due(List.of(standup), NINE.minusSeconds(60))).isEmpty();
    assertThat(rules.due(List.of(standup), NINE)).containsExactly(standup);

    MeetingView moved = meeting("Standup", NINE.plusSeconds(3600), "scheduled");
    assertThat(rules.due(List.of(moved), NINE.plusSeconds(3300))).containsExactly(moved);
  }

  @Test
  void learnsOfAMeetingLateOrNeverForEndedCancelledOrLongStarted() {
    MeetingView soon = meeting("Soon", NINE.plusSeconds(60), "scheduled");
    MeetingView started = meeting("Started", NINE.minusSeconds(180), "live");
    MeetingView old = meeting("Old", NINE.minus(ReminderRules.LATE_GRACE).minusSeconds(1), "live");
    MeetingView ended = meeting("Ended", NINE.plusSeconds(60), "ended");
    MeetingView cancelled = meeting("Cancelled", NINE.plusSeconds(120), "cancelled");
    MeetingView tomorrow = meeting("Tomorrow", NINE.plus(Duration.ofHours(23)), "scheduled");
    MeetingView nextWeek = meeting("Next week", NINE.plus(Duration.ofDays(7)), "scheduled");
    List<MeetingView> all = List.of(nextWeek, tomorrow, cancelled, ended, old, started, soon);
    assertThat(rules.due(all, NINE)).containsExactly(started, soon);
    assertThat(ReminderRules.upcoming(all, NINE)).containsExactly(started, soon, tomorrow);
  }

  @Test
  void theLeadSettingIsWholeMinutesFromZeroToAnHour() {
    assertThat(ReminderRules.lead(null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(ReminderRules.lead(" 10 ")).isEqualTo(Duration.ofMinutes(10));
    assertThat(ReminderRules.lead("0")).isEqualTo(Duration.ZERO);
    assertThat(ReminderRules.lead("240")).isEqualTo(Duration.ofMinutes(60));
    assertThat(ReminderRules.lead("-3")).isEqualTo(Duration.ZERO);
    assertThat(ReminderRules.lead("soon")).isEqualTo(Duration.ofMinutes(5));
  }
}
