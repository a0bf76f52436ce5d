package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.ParticipantInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance c of issue 7 on the real app (TestFX under Xvfb), the real backend and a real webrtc-java bot:
/// the app's user hosts a meeting with a waiting room and recording; it admits the bot from the participants
/// panel, chats with it both ways, mutes it (the bot's tile shows the muted microphone), sees its raised hand
/// and reaction, raises its own hand (the bot sees it), and starts and stops recording (the indicator follows).
@Tag("media")
class DesktopCallFeaturesIT extends DesktopAppTest {
  private static final String THUMBS_UP = "\uD83D\uDC4D";

  @Test
  void hostAdmitsChatsMutesSeesHandsAndRecords() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account hostAccount = rest.newMember("Hana");
    RestFixture.Account guestAccount = rest.newMember("Gus");
    MeetingView meeting = rest.scheduleMeeting(hostAccount.token(), "Team sync",
        Map.of("waitingRoomEnabled", true, "recordingEnabled", true));

    signIn(backend.baseUri(), hostAccount, "--audio=headless", "--video=pattern");
    await(20).until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
    robot.clickOn("#joinCodeField").write(meeting.joinCode());
    robot.clickOn("#joinButton");
    await(30).until(() -> onFx(() -> ConveneApp.running().flatMap(ConveneApp::callSession)
        .flatMap(s -> s.participantId()).isPresent()));
    String hostId = ConveneApp.running().flatMap(ConveneApp::callSession).flatMap(s -> s.participantId())
        .orElseThrow();

    try (Peer guest = Peer.start(backend, guestAccount, meeting.joinCode(), "Gus", CallConfig.VideoChoice.PATTERN,
        660, null, new CallListener() {})) {
      // waiting room: the queue shows in the participants panel, which opens by itself
      await(20).until(() -> onFx(() -> robot.lookup("#admitButton").tryQuery().map(Node::isVisible)
          .orElse(false) && shown(robot.lookup("#participantsPanel").query())));
      robot.clickOn("#admitButton");
      guest.session().joined().get(15, TimeUnit.SECONDS);
      String guestId = guest.session().participantId().orElseThrow();
      await(20).until(() -> onFx(() -> tile("Gus").isPresent()
          && robot.lookup("#participant-" + guestId).tryQuery().isPresent()));

      // chat both ways
      guest.session().sendChat("Hello from Gus").get(5, TimeUnit.SECONDS);
      @SuppressWarnings("unchecked")
      ListView<com.convene.desktop.ui.call.ChatLine> chat = robot.lookup("#chatList").queryAs(ListView.class);
      await(15).until(() -> onFx(() -> chat.getItems().stream()
          .anyMatch(line -> line.senderName().equals("Gus") && line.text().equals("Hello from Gus"))));
      robot.clickOn("#chatToggle"); // the chat starts closed (issue 16, item 12)
      robot.clickOn("#chatInput").write("Hi Gus").type(KeyCode.ENTER);
      await(15).until(() -> guest.session().chat().stream().map(ChatEntry::content).anyMatch("Hi Gus"::equals));

      // the host mutes the guest from the participants panel; the guest's tile shows it
      Node guestRow = robot.lookup("#participant-" + guestId).query();
      // The menu's own item is fired: clicking into its popup under Xvfb on a loaded machine sometimes lands
      // before the popup is laid out (seen in CI), and what is under test is the host action, not the popup.
      javafx.scene.control.MenuButton hostMenu = (javafx.scene.control.MenuButton) guestRow.lookup("#hostMenu");
      onFx(() -> {
        hostMenu.getItems().stream().filter(i -> Messages.get("call.host.mute").equals(i.getText())).findFirst()
            .orElseThrow().fire();
        return null;
      });
      await(15).until(() -> guest.session().self().map(ParticipantInfo::audioMuted).orElse(false));
      await(15).until(() -> onFx(() -> tile("Gus").map(t -> t.lookup("#micOffBadge").isVisible()).orElse(false)));

      // hands and reactions, both ways
      guest.session().setHandRaised(true).get(5, TimeUnit.SECONDS);
      await(15).until(() -> onFx(() -> tile("Gus").map(t -> t.lookup("#handBadge").isVisible()).orElse(false)
          && robot.lookup("#participant-" + guestId).query().lookup("#rowHand").isVisible()));
      guest.session().sendReaction(THUMBS_UP).get(5, TimeUnit.SECONDS);
      await(10).until(() -> onFx(() -> tile("Gus").map(t -> (Label) t.lookup("#reaction"))
          .map(r -> r.isVisible() && THUMBS_UP.equals(r.getText())).orElse(false)));
      robot.clickOn("#handToggle");
      await(15).until(() -> guest.session().participants().stream()
          .filter(p -> p.participantId().equals(hostId)).anyMatch(ParticipantInfo::handRaised));

      // recording: the indicator follows the server
      assertThat(onFx(() -> robot.lookup("#recordingIndicator").query().isVisible())).isFalse();
      robot.clickOn("#recordButton");
      await(20).until(() -> onFx(() -> robot.lookup("#recordingIndicator").query().isVisible()));
      robot.clickOn("#recordButton");
      await(20).until(() -> onFx(() -> !robot.lookup("#recordingIndicator").query().isVisible()));

      robot.clickOn("#leaveButton");
      await(15).until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
    }
  }

  private static ConditionFactory await(int seconds) {
    return Awaitility.await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200));
  }

  /// The app's tile named `name`, if shown. FX thread.
  private static Optional<VideoTile> tile(String name) {
    return ConveneApp.running().flatMap(ConveneApp::callView).map(v -> v.tiles()).orElse(List.of()).stream()
        .filter(t -> name.equals(t.nameProperty().get())).findFirst();
  }

  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

}
