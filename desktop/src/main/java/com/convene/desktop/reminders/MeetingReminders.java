package com.convene.desktop.reminders;

import com.convene.desktop.ui.Background;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// While signed in: asks the server for my meetings every [#POLL] (off the FX thread), keeps the upcoming ones
/// for the tray menu, and shows a [ReminderWindow] for each that [ReminderRules] says is due; **Join** hands the
/// meeting to the app (the same path as a `convene://join/<code>` link). Never for the meeting the app is in
/// (its open reminder closes when the call starts, [#inCall]); the rules outlive a sign-in, so signing in again
/// does not repeat the reminders already shown. FX thread only; [#stop] on sign-out.
public final class MeetingReminders {
  /// How often the meeting list is read again.
  public static final Duration POLL = Duration.ofSeconds(60);
  /// How long Snooze puts a reminder off.
  public static final Duration SNOOZE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(MeetingReminders.class);

  private final Callable<List<MeetingView>> fetch;
  private final Background background;
  private final InstantSource clock;
  private final ReminderRules rules;
  private final Consumer<MeetingView> join;
  private final Window owner;
  private final ObservableList<MeetingView> upcoming = FXCollections.observableArrayList();
  private final List<ReminderWindow> open = new ArrayList<>();
  private final Timeline timer;
  private final Predicate<MeetingView> inCall;
  private final List<MeetingView> openFor = new ArrayList<>();
  private boolean stopped;

  /// @param fetch  my meetings from the server (blocking; the REST client)
  /// @param lead   how long before a start the reminder shows (the user's setting, default 5 min)
  /// @param join   joins a meeting, as a deep link does
  /// @param owner  the main window (reminders stay above it), or null
  public MeetingReminders(Callable<List<MeetingView>> fetch, Background background, InstantSource clock,
      Duration lead, Consumer<MeetingView> join, Window owner) {
    this(fetch, background, clock, new ReminderRules(lead), meeting -> false, join, owner);
  }

  /// @param rules  what was reminded already: the app keeps one per user for its whole run
  /// @param inCall whether the app is in this meeting's call now (no reminder for it)
  public MeetingReminders(Callable<List<MeetingView>> fetch, Background background, InstantSource clock,
      ReminderRules rules, Predicate<MeetingView> inCall, Consumer<MeetingView> join, Window owner) {
    this.fetch = fetch;
    this.background = background;
    this.clock = clock;
    this.rules = rules;
    this.inCall = inCall;
    this.join = join;
    this.owner = owner;
    this.timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(POLL.toMillis()), event -> poll()));
    timer.setCycleCount(Timeline.INDEFINITE);
  }

  /// Polls now and then every [#POLL].
  public void start() {
    poll();
    timer.play();
  }

  /// Stops polling and closes open reminders.
  public void stop() {
    stopped = true;
    timer.stop();
    List.copyOf(open).forEach(ReminderWindow::close);
    open.clear();
    openFor.clear();
  }

  /// A call started: closes the open reminders of the meetings [#inCall] now matches.
  public void callStarted() {
    for (int i = open.size() - 1; i >= 0; i--) {
      if (inCall.test(openFor.get(i))) {
        open.remove(i).close();
        openFor.remove(i);
      }
    }
  }

  /// The screen bounds of the reminder windows open now, for tests.
  List<javafx.geometry.Rectangle2D> openBounds() {
    return open.stream().map(ReminderWindow::bounds).toList();
  }

  /// My meetings starting within a day (or started minutes ago), soonest first; updated on each poll.
  public ObservableList<MeetingView> upcoming() {
    return upcoming;
  }

  /// Reads the meetings again now (also after a call ends).
  public void poll() {
    if (stopped) {
      return;
    }
    background.run(fetch, this::received, failure -> LOG.info("Could not read meetings for reminders: {}",
        failure.getMessage()));
  }

  private void received(List<MeetingView> meetings) {
    if (stopped) {
      return;
    }
    upcoming.setAll(ReminderRules.upcoming(meetings, clock.instant()));
    List<MeetingView> notInCall = meetings.stream().filter(meeting -> !inCall.test(meeting)).toList();
    for (MeetingView meeting : rules.due(notInCall, clock.instant())) {
      LOG.info("Reminding of meeting {} at {}", meeting.id(), meeting.scheduledStart());
      ReminderWindow[] window = new ReminderWindow[1];
      window[0] = new ReminderWindow(owner, meeting, clock.instant(), ZoneId.systemDefault(), choice -> {
        int index = open.indexOf(window[0]);
        if (index >= 0) {
          open.remove(index);
          openFor.remove(index);
        }
        switch (choice) {
          case JOIN -> join.accept(meeting);
          case SNOOZE -> rules.snooze(meeting, clock.instant(), SNOOZE);
          case DISMISS -> LOG.debug("Reminder of {} dismissed", meeting.id());
        }
      });
      open.add(window[0]);
      openFor.add(meeting);
      window[0].show();
    }
  }
}
