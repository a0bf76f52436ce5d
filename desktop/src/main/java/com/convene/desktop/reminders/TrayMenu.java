package com.convene.desktop.reminders;

import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// The system-tray menu as data, so it is built and tested without AWT: Open Convene, the next
/// [#MAX_MEETINGS] meetings (each joins), during a call "Mute/Unmute microphone" and "Leave call", and Quit.
public final class TrayMenu {
  /// Meetings listed in the menu.
  public static final int MAX_MEETINGS = 3;

  private TrayMenu() {}

  /// What an item does.
  public enum Action { OPEN, JOIN, TOGGLE_MUTE, LEAVE, QUIT }

  /// One menu entry; `meeting` is set for [Action#JOIN], `enabled` false for a heading.
  /// @param label   the text shown
  /// @param action  what choosing it does
  /// @param meeting the meeting to join, or null
  /// @param enabled whether it can be chosen
  public record Item(String label, Action action, MeetingView meeting, boolean enabled) {}

  /// The menu for the current state.
  ///
  /// @param upcoming  upcoming meetings, soonest first ([ReminderRules#upcoming])
  /// @param inCall    whether a call is running
  /// @param micMuted  whether the call's microphone is muted (ignored outside a call)
  public static List<Item> build(List<MeetingView> upcoming, boolean inCall, boolean micMuted, ZoneId zone) {
    List<Item> items = new ArrayList<>();
    items.add(new Item(Messages.get("tray.open"), Action.OPEN, null, true));
    if (inCall) {
      items.add(new Item(Messages.get(micMuted ? "tray.unmute" : "tray.mute"), Action.TOGGLE_MUTE, null, true));
      items.add(new Item(Messages.get("tray.leave"), Action.LEAVE, null, true));
    }
    if (upcoming.isEmpty()) {
      items.add(new Item(Messages.get("tray.noMeetings"), Action.OPEN, null, false));
    }
    for (MeetingView meeting : upcoming.subList(0, Math.min(MAX_MEETINGS, upcoming.size()))) {
      items.add(new Item(Messages.get("tray.join", time(meeting.scheduledStart(), zone), meeting.title()),
          Action.JOIN, meeting, !inCall));
    }
    items.add(new Item(Messages.get("tray.quit"), Action.QUIT, null, true));
    return List.copyOf(items);
  }

  static String time(Instant instant, ZoneId zone) {
    return new Dates(zone, Locale.getDefault()).time(instant);
  }
}
