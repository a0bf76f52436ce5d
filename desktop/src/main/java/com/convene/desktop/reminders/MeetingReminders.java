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
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// While signed in: asks the server for my meetings every [#POLL] (off the FX thread), keeps the upcoming ones
/// for the tray menu, and shows a [ReminderWindow] for each that [ReminderRules] says is due; **Join** hands the
/// meeting to the app (the same path as a `convene://join/<code>` link). FX thread only; [#stop] on sign-out.
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
  private boolean stopped;

  /// @param fetch  my meetings from the server (blocking; the REST client)
  /// @param lead   how long before a start the reminder shows (the user's setting, default 5 min)
  /// @param join   joins a meeting, as a deep link does
  /// @param owner  the main window (reminders stay above it), or null
  public MeetingReminders(Callable<List<MeetingView>> fetch, Background background, InstantSource clock,
      Duration lead, Consumer<MeetingView> join, Window owner) {
    this.fetch = fetch;
    this.background = background;
    this.clock = clock;
    this.rules = new ReminderRules(lead);
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
    for (MeetingView meeting : rules.due(meetings, clock.instant())) {
      LOG.info("Reminding of meeting {} at {}", meeting.id(), meeting.scheduledStart());
      ReminderWindow[] window = new ReminderWindow[1];
      window[0] = new ReminderWindow(owner, meeting, clock.instant(), ZoneId.systemDefault(), choice -> {
        open.remove(window[0]);
        switch (choice) {
          case JOIN -> join.accept(meeting);
          case SNOOZE -> rules.snooze(meeting, clock.instant(), SNOOZE);
          case DISMISS -> LOG.debug("Reminder of {} dismissed", meeting.id());
        }
      });
      open.add(window[0]);
      window[0].show();
    }
  }
}
