package com.convene.desktop.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.ui.MeetingsInMemory;
import com.convene.desktop.ui.SyncBackground;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 2, the schedule form (headless Monocle FX): a weekly series with invitees, a password and the
/// waiting room off reaches the server as one create request (start and end in the chosen zone, RRULE
/// `FREQ=WEEKLY;COUNT=5`) plus one invitation per address; a bad address or a short password is refused in the
/// form and nothing is sent; editing one of my meetings shows its values and saves only through `PATCH`.
@ExtendWith(ApplicationExtension.class)
class ScheduleViewFxTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:10:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final UUID ME = UUID.randomUUID();
  private final MeetingsInMemory server = new MeetingsInMemory(ME);
  private final List<MeetingView> saved = new ArrayList<>();
  private final StackPane holder = new StackPane();

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
    stage.setScene(new Scene(holder, 900, 700));
    stage.show();
  }

  private void open(MeetingView editing) {
    Platform.runLater(() -> holder.getChildren().setAll(new ScheduleView(new ScheduleViewModel(server,
        new SyncBackground(), editing, NOW, BERLIN, Locale.UK, saved::add), () -> {}).root()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void schedulesAWeeklySeriesWithInviteesPasswordAndNoWaitingRoom(FxRobot robot) {
    open(null);
    assertThat(robot.lookup("#scheduleTime").queryTextInputControl().getText()).isEqualTo("10:30");
    robot.clickOn("#scheduleTitle").write("Planning");
    robot.interact(() -> {
      robot.lookup("#scheduleDay").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 14));
      robot.lookup("#scheduleTime").queryTextInputControl().setText("14:00");
      robot.lookup("#scheduleLength").<ComboBox<Integer>>query().setValue(45);
      robot.lookup("#scheduleRepeat").<ComboBox<Recurrence>>query().setValue(Recurrence.WEEKLY);
      robot.lookup("#scheduleCount").<Spinner<Integer>>query().getValueFactory().setValue(5);
    });
    robot.clickOn("#scheduleInvitees").write("bo@example.com, cy@example.com");
    robot.clickOn("#schedulePasswordToggle");
    robot.clickOn("#schedulePassword").write("s3cret");
    robot.clickOn("#scheduleWaitingRoom");
    robot.clickOn("#scheduleSave");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(saved).hasSize(1);
    MeetingView meeting = server.get(saved.getFirst().id());
    assertThat(meeting.title()).isEqualTo("Planning");
    assertThat(meeting.scheduledStart()).isEqualTo(Instant.parse("2026-12-14T13:00:00Z"));
    assertThat(Duration.between(meeting.scheduledStart(), meeting.scheduledEnd())).isEqualTo(Duration.ofMinutes(45));
    assertThat(meeting.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(meeting.recurrenceRule()).isEqualTo("FREQ=WEEKLY;COUNT=5");
    assertThat(meeting.meetingType()).isEqualTo("recurring");
    assertThat(meeting.requirePassword()).isTrue();
    assertThat(server.password(meeting.id())).isEqualTo("s3cret");
    assertThat(meeting.waitingRoomEnabled()).isFalse();
    assertThat(server.invitations()).containsExactly(meeting.id() + " bo@example.com",
        meeting.id() + " cy@example.com");
  }

  @Test
  void refusesABadAddressOrShortPasswordWithoutSending(FxRobot robot) {
    open(null);
    robot.clickOn("#scheduleTitle").write("Planning");
    robot.clickOn("#scheduleInvitees").write("bo@example.com, not-an-address");
    robot.clickOn("#scheduleSave");
    assertThat(robot.lookup("#scheduleError").queryAs(Label.class).getText()).contains("not-an-address");

    robot.interact(() -> robot.lookup("#scheduleInvitees").queryTextInputControl().setText(""));
    robot.clickOn("#schedulePasswordToggle");
    robot.clickOn("#schedulePassword").write("abc");
    robot.clickOn("#scheduleSave");
    assertThat(robot.lookup("#scheduleError").queryAs(Label.class).getText()).contains("4 to 128");
    assertThat(server.upcomingMeetings()).isEmpty();
    assertThat(server.invitations()).isEmpty();
    assertThat(saved).isEmpty();
  }

  @Test
  void editsMyMeetingThroughPatchKeepingItsPassword(FxRobot robot) {
    MeetingView existing = server.add(ME, "Standup", Instant.parse("2026-12-08T08:00:00Z"),
        Instant.parse("2026-12-08T08:15:00Z"), "scheduled");
    open(existing);
    assertThat(robot.lookup("#scheduleTitle").queryTextInputControl().getText()).isEqualTo("Standup");
    assertThat(robot.lookup("#scheduleTime").queryTextInputControl().getText()).isEqualTo("09:00");
    assertThat(robot.lookup("#scheduleDay").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(robot.lookup("#scheduleDay").queryAs(DatePicker.class).getEditor().getText())
        .as("the day in the locale's format, as the meetings list writes it").isEqualTo("8 Dec 2026");
    robot.interact(() -> {
      robot.lookup("#scheduleTitle").queryTextInputControl().setText("Daily standup");
      robot.lookup("#scheduleTime").queryTextInputControl().setText("9:30");
      robot.lookup("#scheduleRepeat").<ComboBox<Recurrence>>query().setValue(Recurrence.WEEKDAYS);
    });
    robot.clickOn("#scheduleSave");
    WaitForAsyncUtils.waitForFxEvents();

    MeetingView changed = server.get(existing.id());
    assertThat(saved).extracting(MeetingView::id).containsExactly(existing.id());
    assertThat(changed.title()).isEqualTo("Daily standup");
    assertThat(changed.scheduledStart()).isEqualTo(Instant.parse("2026-12-08T08:30:00Z"));
    assertThat(changed.scheduledEnd()).isEqualTo(Instant.parse("2026-12-08T08:45:00Z"));
    assertThat(changed.recurrenceRule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10");
    assertThat(server.upcomingMeetings()).hasSize(1);
  }
}
