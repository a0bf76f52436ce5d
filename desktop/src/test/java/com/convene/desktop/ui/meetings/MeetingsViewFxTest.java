package com.convene.desktop.ui.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.MeetingsInMemory;
import com.convene.desktop.ui.SyncBackground;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 items 2 and 13 on the home screen (headless Monocle FX): each row has its own Join, says how soon
/// the meeting starts ("in 5 min", "now"), how long it lasts and who hosts; "New meeting" creates an instant
/// meeting and joins it; Cancel on my own meeting asks first and then cancels it on the server, Keep does not;
/// Edit and Cancel appear only on meetings I host; ended and cancelled meetings are not listed.
@ExtendWith(ApplicationExtension.class)
class MeetingsViewFxTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final UUID ME = UUID.randomUUID();
  private static final UUID COLLEAGUE = UUID.randomUUID();
  private final MeetingsInMemory server = new MeetingsInMemory(ME);
  private final List<JoinTarget> joined = new ArrayList<>();
  private final List<MeetingView> edited = new ArrayList<>();
  private MeetingView standup;
  private MeetingView review;
  private MeetingView live;

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
    standup = server.add(ME, "Standup", NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(20)),
        "scheduled");
    review = server.add(COLLEAGUE, "Design review", NOW.plusSeconds(20), NOW.plusSeconds(20).plus(Duration.ofMinutes(45)),
        "scheduled");
    live = server.add(COLLEAGUE, "Incident call", null, null, "live");
    server.add(ME, "Old retro", NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(23)), "ended");
    server.add(ME, "Dropped", NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(3)), "cancelled");
    MeetingsViewModel model = new MeetingsViewModel(server, new SyncBackground(), joined::add, ME, "Ada",
        InstantSource.fixed(NOW), new Dates(ZoneId.of("UTC"), Locale.UK));
    stage.setScene(new Scene(new MeetingsView(model, () -> {}, () -> {}, () -> {}, edited::add, () -> {}).root(),
        900, 600));
    stage.show();
    model.refresh();
  }

  @Test
  void everyRowHasItsOwnJoinAndSaysWhenHowLongAndWhoHosts(FxRobot robot) {
    assertThat(details(robot, standup)).isEqualTo("09:05  \u00b7  in 5 min  \u00b7  15 min  \u00b7  You host");
    assertThat(details(robot, review)).isEqualTo("09:00  \u00b7  now  \u00b7  45 min  \u00b7  Invited");
    assertThat(details(robot, live)).isEqualTo("Instant meeting  \u00b7  live now  \u00b7  Invited");
    assertThat(robot.lookup("#join-" + standup.joinCode()).tryQuery()).isPresent();
    assertThat(robot.lookup("#meetingList").<javafx.scene.control.ListView<MeetingView>>query().getItems()).extracting(MeetingView::title)
        .containsExactly("Incident call", "Design review", "Standup");

    robot.clickOn("#join-" + review.joinCode());
    assertThat(joined).containsExactly(new JoinTarget(review.id().toString(), "Design review"));
  }

  @Test
  void editAndCancelOnlyOnMeetingsIHost(FxRobot robot) {
    assertThat(robot.lookup("#edit-" + standup.joinCode()).query().isVisible()).isTrue();
    assertThat(robot.lookup("#cancel-" + standup.joinCode()).query().isVisible()).isTrue();
    assertThat(robot.lookup("#edit-" + review.joinCode()).query().isVisible()).isFalse();
    assertThat(robot.lookup("#cancel-" + review.joinCode()).query().isVisible()).isFalse();
    robot.clickOn("#edit-" + standup.joinCode());
    assertThat(edited).extracting(MeetingView::id).containsExactly(standup.id());
  }

  @Test
  void cancelAsksFirstThenCancelsOnTheServer(FxRobot robot) {
    robot.clickOn("#cancel-" + standup.joinCode());
    assertThat(robot.lookup("#cancelConfirmBar").query().isVisible()).isTrue();
    robot.clickOn("#cancelKeepButton");
    assertThat(server.get(standup.id()).status()).isEqualTo("scheduled");
    assertThat(robot.lookup("#cancelConfirmBar").query().isVisible()).isFalse();

    robot.clickOn("#cancel-" + standup.joinCode());
    robot.clickOn("#cancelConfirmButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(server.get(standup.id()).status()).isEqualTo("cancelled");
    assertThat(robot.lookup("#meetingList").<javafx.scene.control.ListView<MeetingView>>query().getItems()).extracting(MeetingView::title)
        .doesNotContain("Standup");
    assertThat(robot.lookup("#meetingsNotice").queryAs(Label.class).getText()).contains("Standup");
    assertThat(joined).isEmpty();
  }

  @Test
  void newMeetingCreatesAnInstantMeetingIHostAndJoinsIt(FxRobot robot) {
    robot.clickOn("#newMeetingButton");
    WaitForAsyncUtils.waitForFxEvents();
    MeetingView created = server.upcomingMeetings().getLast();
    assertThat(created.title()).isEqualTo("Ada's meeting");
    assertThat(created.meetingType()).isEqualTo("instant");
    assertThat(created.scheduledStart()).isNull();
    assertThat(created.hostUserId()).isEqualTo(ME);
    assertThat(joined).containsExactly(new JoinTarget(created.id().toString(), "Ada's meeting"));
  }

  private static String details(FxRobot robot, MeetingView meeting) {
    return robot.lookup("#details-" + meeting.joinCode()).queryAs(Label.class).getText();
  }
}
