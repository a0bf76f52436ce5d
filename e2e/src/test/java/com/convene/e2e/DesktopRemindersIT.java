package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.reminders.TrayMenu;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ParticipantInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Labeled;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, "System tray": the real app, signed in, reminds of my meeting that starts in a minute (a window with
/// the title and **Join**) and Join takes it into that meeting's call; the tray menu then lists the meeting,
/// offers quick mute, and its mute item mutes the app's microphone as the bot in the call sees it. Under Xvfb
/// there is no tray manager, so the menu's items are driven through [ConveneApp#onTrayChoice], the same code
/// the AWT menu's items call where a tray exists.
@Tag("media")
class DesktopRemindersIT extends DesktopAppTest {

  @BeforeAll
  static void classSettings() throws Exception {
    System.setProperty("convene.reminders", "true"); // off for the other e2e classes (e2e/pom.xml)
  }

  @AfterAll
  static void cleanup() throws Exception {
    stopApp();
    System.setProperty("convene.reminders", "false");
  }

  @Test
  void remindsJoinsFromTheReminderAndMutesFromTheTrayMenu() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account user = rest.newMember("Hanna");
    RestFixture.Account other = rest.newMember("Ivo");
    MeetingView meeting = rest.scheduleMeeting(user.token(), "Design review", Map.of("waitingRoomEnabled", false));

    // a tone is the microphone: with --audio=headless and no tone the app starts muted, having no microphone
    signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern", "--tone-hz=440");

    // the meeting starts in a minute, inside the 5-minute lead: the reminder shows at sign-in
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#reminderTitle").queryAs(Labeled.class).getText()),
            "Design review"::equals);
    ConveneApp app = ConveneApp.running().orElseThrow();
    List<TrayMenu.Item> before = onFx(app::trayMenu);
    assertThat(before).anySatisfy(item -> {
      assertThat(item.action()).isEqualTo(TrayMenu.Action.JOIN);
      assertThat(item.label()).contains("Design review");
    });
    robot.clickOn("#reminderJoin");
    String appParticipant = Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> app.callSession().flatMap(s -> s.participantId()).orElse(null), id -> id != null);

    try (Peer bot = Peer.join(backend, other, meeting.joinCode(), "Bot", CallConfig.VideoChoice.PATTERN, 440,
        new CallListener() {})) {
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> botSees(bot, appParticipant) != null && !botSees(bot, appParticipant).audioMuted());
      TrayMenu.Item mute = onFx(app::trayMenu).stream().filter(i -> i.action() == TrayMenu.Action.TOGGLE_MUTE)
          .findFirst().orElseThrow();
      assertThat(mute.label()).isEqualTo("Mute microphone");
      onFx(() -> {
        app.onTrayChoice(mute);
        return null;
      });
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> botSees(bot, appParticipant).audioMuted());
      assertThat(onFx(app::trayMenu)).extracting(TrayMenu.Item::label).contains("Unmute microphone");
      System.out.println("E2E tray: reminder joined " + meeting.joinCode() + "; quick mute seen by the bot");
      robot.clickOn("#leaveButton");
    }
  }

  private static ParticipantInfo botSees(Peer bot, String participantId) {
    return bot.session().participants().stream().filter(p -> p.participantId().equals(participantId)).findFirst()
        .orElse(null);
  }
}
