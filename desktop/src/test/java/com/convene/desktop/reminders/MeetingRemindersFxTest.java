package com.convene.desktop.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.MeetingsInMemory;
import com.convene.desktop.ui.SyncBackground;
import com.convene.desktop.ui.call.CallView;
import com.convene.desktop.ui.call.CallViewModel;
import com.convene.desktop.ui.meetings.MeetingsView;
import com.convene.desktop.ui.meetings.MeetingsViewModel;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 9 (headless Monocle FX): no reminder for the meeting the app is in (and an open one closes when
/// its call starts); signing out and in again does not repeat the reminders already shown; the reminder window
/// keeps clear of the call's Leave button and of the home screen's Join, New meeting and Schedule buttons while
/// the main window fills the screen.
@ExtendWith(ApplicationExtension.class)
class MeetingRemindersFxTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final UUID ME = UUID.randomUUID();
  private final MeetingsInMemory server = new MeetingsInMemory(ME);
  private final List<MeetingView> joined = new ArrayList<>();
  private final StackPane holder = new StackPane();
  private Stage stage;
  private MeetingView standup;
  private MeetingView review;

  @BeforeAll
  static void headless() {
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("java.awt.headless", "true");
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    standup = server.add(ME, "Standup", NOW.plus(Duration.ofMinutes(2)), NOW.plus(Duration.ofMinutes(17)),
        "scheduled");
    review = server.add(ME, "Design review", NOW.plus(Duration.ofMinutes(3)), NOW.plus(Duration.ofMinutes(33)),
        "scheduled");
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    stage.setScene(new Scene(holder, screen.getWidth(), screen.getHeight()));
    stage.setX(screen.getMinX());
    stage.setY(screen.getMinY());
    stage.show();
  }

  private MeetingReminders reminders(ReminderRules rules, List<MeetingView> inCall) {
    return new MeetingReminders(server::upcomingMeetings, new SyncBackground(), InstantSource.fixed(NOW), rules,
        meeting -> inCall.stream().anyMatch(call -> call.id().equals(meeting.id())), joined::add, stage);
  }

  @Test
  void noReminderForTheMeetingImInAndItsOpenReminderClosesWhenTheCallStarts(FxRobot robot) {
    List<MeetingView> inCall = new ArrayList<>(List.of(standup));
    MeetingReminders reminders = reminders(new ReminderRules(ReminderRules.DEFAULT_LEAD), inCall);
    robot.interact(reminders::start);
    assertThat(titles(robot)).containsExactly("Design review");

    inCall.add(review);
    robot.interact(reminders::callStarted);
    assertThat(reminders.openBounds()).isEmpty();
    assertThat(titles(robot)).isEmpty();
    robot.interact(reminders::stop);
  }

  @Test
  void signingInAgainDoesNotRepeatRemindersAlreadyShown(FxRobot robot) {
    ReminderRules rules = new ReminderRules(ReminderRules.DEFAULT_LEAD);
    MeetingReminders first = reminders(rules, List.of());
    robot.interact(first::start);
    assertThat(first.openBounds()).hasSize(2);
    robot.interact(first::stop); // sign out

    MeetingReminders second = reminders(rules, List.of()); // signed in again, same app run
    robot.interact(second::start);
    assertThat(second.openBounds()).isEmpty();
    robot.interact(second::stop);
  }

  @Test
  void reminderKeepsClearOfLeaveAndJoinButtons(FxRobot robot) {
    CallViewModel call = new CallViewModel("Standup", true, message -> {});
    robot.interact(() -> {
      holder.getChildren().setAll(new CallView(call).root());
      call.onJoined("Standup", List.of());
    });
    MeetingReminders overCall = reminders(new ReminderRules(ReminderRules.DEFAULT_LEAD), List.of());
    robot.interact(overCall::start);
    Rectangle2D reminder = overCall.openBounds().getFirst();
    assertThat(reminder.getWidth()).isPositive();
    assertClear(reminder, robot.lookup("#leaveButton").query());
    assertClear(reminder, robot.lookup("#micToggle").query());
    robot.interact(overCall::stop);

    MeetingsViewModel home = new MeetingsViewModel(server, new SyncBackground(), target -> {}, ME, "Ada",
        InstantSource.fixed(NOW), new Dates(ZoneId.of("UTC"), Locale.UK));
    robot.interact(() -> {
      holder.getChildren().setAll(new MeetingsView(home, () -> {}, () -> {}, () -> {}, meeting -> {}, () -> {})
          .root());
      home.refresh();
    });
    WaitForAsyncUtils.waitForFxEvents();
    MeetingReminders overHome = reminders(new ReminderRules(ReminderRules.DEFAULT_LEAD), List.of());
    robot.interact(overHome::start);
    for (Rectangle2D window : overHome.openBounds()) {
      assertClear(window, robot.lookup("#join-" + standup.joinCode()).query());
      assertClear(window, robot.lookup("#join-" + review.joinCode()).query());
      assertClear(window, robot.lookup("#newMeetingButton").query());
      assertClear(window, robot.lookup("#scheduleButton").query());
    }
    robot.interact(overHome::stop);
  }

  private static void assertClear(Rectangle2D window, Node button) {
    Bounds onScreen = button.localToScreen(button.getBoundsInLocal());
    assertThat(onScreen).as(button.getId()).isNotNull();
    assertThat(window.intersects(onScreen.getMinX(), onScreen.getMinY(), onScreen.getWidth(), onScreen.getHeight()))
        .as("reminder " + window + " over " + button.getId() + " at " + onScreen).isFalse();
  }

  private static List<String> titles(FxRobot robot) {
    return robot.lookup("#reminderTitle").queryAllAs(javafx.scene.control.Label.class).stream()
        .filter(label -> label.getScene().getWindow().isShowing()).map(javafx.scene.control.Label::getText).toList();
  }
}
