package com.convene.desktop.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The tray menu: open, quick mute and leave only in a call, at most three meetings (not joinable during a call),
/// quit last.
class TrayMenuTest {
  private static MeetingView meeting(int n) {
    Instant start = Instant.parse("2026-11-24T09:00:00Z").plusSeconds(3600L * n);
    return new MeetingView(UUID.randomUUID(), UUID.randomUUID(), "Meeting " + n, null, "scheduled", "scheduled",
        start, start.plusSeconds(1800), "UTC", null, null, 30, 100,
        false, false, true, false, true, true, true, false, "abc-defg-hi" + n,
        "convene://join/abc-defg-hi" + n, "https://meet.example.com/j/abc-defg-hi" + n, null, null);
  }

  @Test
  void outsideACallListsTheNextThreeMeetings() {
    List<TrayMenu.Item> items = TrayMenu.build(List.of(meeting(1), meeting(2), meeting(3), meeting(4)), false, false,
        ZoneId.of("UTC"));
    assertThat(items).extracting(TrayMenu.Item::action).containsExactly(TrayMenu.Action.OPEN,
        TrayMenu.Action.JOIN, TrayMenu.Action.JOIN, TrayMenu.Action.JOIN, TrayMenu.Action.QUIT);
    assertThat(items.get(1).label()).contains("Meeting 1");
    assertThat(items.get(1).enabled()).isTrue();
  }

  @Test
  void inACallOffersQuickMuteAndLeave() {
    List<TrayMenu.Item> muted = TrayMenu.build(List.of(meeting(1)), true, true, ZoneId.of("UTC"));
    assertThat(muted).extracting(TrayMenu.Item::action).containsExactly(TrayMenu.Action.OPEN,
        TrayMenu.Action.TOGGLE_MUTE, TrayMenu.Action.LEAVE, TrayMenu.Action.JOIN, TrayMenu.Action.QUIT);
    assertThat(muted.get(1).label()).isEqualTo("Unmute microphone");
    assertThat(muted.get(3).enabled()).isFalse();
    assertThat(TrayMenu.build(List.of(), true, false, ZoneId.of("UTC")).get(1).label())
        .isEqualTo("Mute microphone");
    assertThat(TrayMenu.build(List.of(), false, false, ZoneId.of("UTC"))).extracting(TrayMenu.Item::enabled)
        .containsExactly(true, false, true);
  }
}
