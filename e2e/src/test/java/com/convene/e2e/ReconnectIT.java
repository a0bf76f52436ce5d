package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, acceptance d: the real app is in a call with a bot when the backend's media port goes dark for 5 s
/// (every datagram in and out dropped, [com.convene.sfu.SfuServer#blockTraffic]). The app says it is
/// reconnecting, and within 10 s of the port opening again it is back in the same meeting, as the same
/// participant, with video flowing both ways, without a click.
@Tag("media")
class ReconnectIT extends DesktopAppTest {
  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @Test
  void ridesOutAFiveSecondMediaOutageInTheSameMeeting() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Olga");
    RestFixture.Account user = rest.newMember("Pat");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Flaky network",
        java.util.Map.of("waitingRoomEnabled", false));

    try (Peer bot = Peer.join(backend, host, meeting.joinCode(), "PatternBot", CallConfig.VideoChoice.PATTERN, 440,
        new CallListener() {})) {
      signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern");
      Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
          .until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
      robot.clickOn("#joinCodeField").write(meeting.joinCode());
      robot.clickOn("#joinButton");
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> botFrames() > 30);
      CallSession session = ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow();
      String participant = session.participantId().orElseThrow();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
          .until(() -> framesBotSeesOf(bot, participant) > 30);

      long blockedFrom = System.nanoTime();
      backend.sfu().blockTraffic(OUTAGE);
      boolean sawReconnecting = false;
      while (System.nanoTime() - blockedFrom < OUTAGE.toNanos()) {
        sawReconnecting |= onFx(() -> robot.lookup("#reconnectingBanner").tryQuery().map(Node::isVisible)
            .orElse(false));
        Thread.sleep(100);
      }
      long reopened = System.nanoTime();
      long appFramesAtReopen = botFrames();
      long botFramesAtReopen = framesBotSeesOf(bot, participant);
      System.out.printf("E2E outage: %d datagrams dropped, reconnecting shown: %s%n",
          backend.sfu().blockedPackets(), sawReconnecting);

      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> botFrames() > appFramesAtReopen + 30
              && framesBotSeesOf(bot, participant) > botFramesAtReopen + 30
              && !onFx(() -> robot.lookup("#reconnectingBanner").tryQuery().map(Node::isVisible).orElse(false)));
      double backAfter = (System.nanoTime() - reopened) / 1e9;
      System.out.printf("E2E media flowing both ways again %.2f s after the port reopened%n", backAfter);
      assertThat(sawReconnecting).as("the app said it was reconnecting").isTrue();
      assertThat(ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow()).isSameAs(session);
      assertThat(session.participantId()).hasValue(participant);
      robot.clickOn("#leaveButton");
    }
  }

  /// Frames the app rendered in the bot's tile.
  private static long botFrames() throws Exception {
    return onFx(() -> {
      List<VideoTile> tiles = ConveneApp.running().flatMap(ConveneApp::callView).map(v -> v.tiles())
          .orElse(List.of());
      return tiles.stream().filter(t -> "PatternBot".equals(t.nameProperty().get()))
          .mapToLong(t -> t.framesRenderedProperty().get()).max().orElse(0);
    });
  }

  private static long framesBotSeesOf(Peer bot, String participantId) {
    Optional<Long> frames = bot.stats().stream().filter(s -> s.participantId().equals(participantId))
        .map(s -> s.framesDecoded()).findFirst();
    return frames.orElse(0L);
  }

}
