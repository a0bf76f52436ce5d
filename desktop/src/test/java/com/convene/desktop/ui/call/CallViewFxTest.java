package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.call.HostControls;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.WaitingParticipant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.ChatEntry;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Smoke test of the call screen's meeting gates and host tools on a real (headless Monocle) FX toolkit: the
/// password prompt joins again with what was typed, "waiting for the host" shows, and a host sees the waiting
/// room with working admit buttons and a host menu on tiles that a plain participant does not see.
@ExtendWith(ApplicationExtension.class)
class CallViewFxTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private CallViewModel model;

  @BeforeAll
  static void headless() {
    if (Boolean.parseBoolean(System.getProperty("testfx.headless", "true"))) {
      System.setProperty("testfx.robot", "glass");
      System.setProperty("testfx.headless", "true");
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Start
  void start(Stage stage) {
    model = new CallViewModel("Standup", true, message -> requests.add("closed: " + message));
    model.onPasswordSubmitted(password -> requests.add("rejoin with " + password));
    model.attach(new Recorder());
    stage.setScene(new Scene(new CallView(model).root(), 1000, 700));
    stage.show();
  }

  @Test
  void passwordPromptJoinsAgainWithTheTypedPassword(FxRobot robot) {
    robot.interact(() -> {
      model.onPasswordNeeded(true);
      model.onEnded("join-failed");
    });
    assertThat(robot.lookup("#passwordPane").query().isVisible()).isTrue();
    robot.clickOn("#meetingPassword").write("blue-harbour");
    robot.clickOn("#passwordJoin");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(requests).containsExactly("rejoin with blue-harbour");
    assertThat(robot.lookup("#passwordPane").query().isVisible()).isFalse();

    robot.interact(model::onWaitingForHost);
    assertThat(robot.lookup("#waitingForHost").query().getParent().isVisible()).isTrue();
  }

  @Test
  void shortcutsFireTheControlsAndTooltipsNameThem(FxRobot robot) {
    robot.interact(() -> model.onJoined("Standup", List.of()));
    ToggleButton mic = robot.lookup("#micToggle").queryAs(ToggleButton.class);
    assertThat(mic.getTooltip().getText()).contains(CallShortcut.MICROPHONE.displayText());
    assertThat(mic.getAccessibleText()).isEqualTo(Messages.get("call.mic"));
    robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(requests).containsExactly("audioMuted=true");
    assertThat(mic.isSelected()).isFalse();
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#participantsPanel").query().isVisible()).isTrue();
    for (Node control : robot.lookup(".control-bar .button").queryAll()) {
      assertThat(control.getAccessibleText()).as(control.getId()).isNotBlank();
    }
  }

  @Test
  void chatBadgeCountsWhileClosedAndParticipantsShowTheirState(FxRobot robot) {
    robot.interact(() -> {
      model.onJoined("Standup", List.of(new ParticipantInfo("p1", "u1", "Ada", "participant", true, false, false,
          true)));
      model.chat().openProperty().set(false);
      // sent now: a message older than our joining is history and not unread (issue 16, item 12)
      model.onChatMessage(new ChatEntry("m-1", "c-1", "p1", "u1", "Ada", "hi", java.time.Instant.now().toString()));
    });
    assertThat(robot.lookup("#chatBadge").queryAs(Label.class).getText()).isEqualTo("1");
    assertThat(robot.lookup("#chatBadge").query().isVisible()).isTrue();
    robot.clickOn("#chatToggle");
    assertThat(robot.lookup("#chatBadge").query().isVisible()).isFalse();
    assertThat(robot.lookup("#chatPanel").query().isVisible()).isTrue();

    robot.clickOn("#participantsToggle");
    Node row = robot.lookup("#participant-p1").query();
    assertThat(row.lookup("#rowHand").isVisible()).isTrue();
    assertThat(row.lookup("#rowMic").getAccessibleText()).isEqualTo(Messages.get("call.muted"));
    assertThat(robot.lookup("#handBadge").query().isVisible()).isTrue();
    assertThat(robot.lookup("#micOffBadge").query().isVisible()).isTrue();

    robot.clickOn("#layoutToggle");
    assertThat(robot.lookup("#featuredTile").queryAs(javafx.scene.layout.StackPane.class).getChildren())
        .hasSize(1);
  }

  @Test
  void hostSeesTheWaitingRoomAndTheTileMenuParticipantsDoNot(FxRobot robot) throws Exception {
    robot.interact(() -> model.onJoined("Standup",
        List.of(new ParticipantInfo("p1", "u1", "Ada", "participant", false, false, false, false))));
    Node menu = robot.lookup("#hostMenu").query();
    assertThat(menu.isVisible()).isFalse();
    assertThat(shown(robot.lookup("#muteAllButton").query())).isFalse();

    robot.interact(() -> {
      model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "host", false, false, false, false));
      model.onWaitingRoomUpdated(List.of(new WaitingParticipant("c-7", "u-7", "Bob")));
    });
    assertThat(menu.isVisible()).isTrue();
    assertThat(robot.lookup("#waitingRoom").queryAs(ListView.class).getItems()).hasSize(1);
    // the queue's cells appear with the next layout pulse of the panel that just opened
    WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
        () -> robot.lookup("#admitButton").tryQuery().isPresent());
    robot.clickOn("#admitButton");
    robot.clickOn("#muteAllButton");
    robot.clickOn("#confirmButton"); // Mute all asks first (issue 16, item 8)
    robot.interact(() -> ((MenuButton) menu).getItems().getFirst().fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(requests).containsExactly("admit c-7", "mute all", "stop MICROPHONE of p1");
  }

  /// Whether `node` and every parent are visible.
  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /// Records the requests the view sends.
  private final class Recorder implements CallControls, HostControls {
    @Override
    public void setAudioMuted(boolean muted) {
      requests.add("audioMuted=" + muted);
    }

    @Override
    public void setVideoMuted(boolean muted) {
      requests.add("videoMuted=" + muted);
    }

    @Override
    public void startScreenShare(ScreenInfo screen) {}

    @Override
    public void stopScreenShare() {}

    @Override
    public void leave() {
      requests.add("leave");
    }

    @Override
    public void admit(String waitingId) {
      requests.add("admit " + waitingId);
    }

    @Override
    public void deny(String waitingId) {
      requests.add("deny " + waitingId);
    }

    @Override
    public void stopMediaOf(String participantId, MediaSource source) {
      requests.add("stop " + source + " of " + participantId);
    }

    @Override
    public void muteAll() {
      requests.add("mute all");
    }

    @Override
    public void remove(String participantId) {}

    @Override
    public void makeHost(String participantId) {}

    @Override
    public void setLocked(boolean locked) {}

    @Override
    public void endMeeting() {}

    @Override
    public void setRecording(boolean recording) {}
  }
}
