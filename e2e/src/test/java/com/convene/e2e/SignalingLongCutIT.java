package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12's fault suite, "signaling cut 25 s", under the real app: the app reaches the backend's HTTP/WebSocket
/// port through a [TcpRelay] that drops every connection and refuses new ones for 25 s, longer than the server's
/// resume grace (20 s), so the server lets the participant go. The app says it is reconnecting, its resume is then
/// refused, and it joins the meeting again by itself as a new participant, says so ("joined the meeting again"),
/// and video flows both ways again, all without a click. Media is not cut: only signaling is.
@Tag("media")
@Tag("fault")
class SignalingLongCutIT extends DesktopAppTest {
  private static final Duration OUTAGE = Duration.ofSeconds(25);

  @Test
  void rejoinsByItselfAndSaysSoAfterATwentyFiveSecondSignalingCut() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Uma");
    RestFixture.Account user = rest.newMember("Vic");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Long cut",
        java.util.Map.of("waitingRoomEnabled", false));
    URI direct = backend.baseUri();

    try (TcpRelay relay = new TcpRelay(E2eBackend.ADDRESS, new InetSocketAddress(direct.getHost(), direct.getPort()));
        Peer bot = Peer.join(backend, host, meeting.joinCode(), "PatternBot", CallConfig.VideoChoice.PATTERN, 440,
            new CallListener() {})) {
      FxToolkit.setupApplication(ConveneApp.class, "--server=http://" + E2eBackend.ADDRESS + ":" + relay.port(),
          "--user=" + user.username(), "--audio=headless", "--video=pattern");
      Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
          .until(() -> onFx(() -> robot.lookup("#passwordField").tryQuery()
              .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
              .orElse(false)));
      robot.clickOn("#passwordField").write(user.password());
      robot.clickOn("#signInButton");
      Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
          .until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
      robot.clickOn("#joinCodeField").write(meeting.joinCode());
      robot.clickOn("#joinButton");
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> botFrames() > 30);
      CallSession before = ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow();
      String participant = before.participantId().orElseThrow();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
          .until(() -> framesBotSeesOf(bot, participant) > 30);

      long cutAt = System.nanoTime();
      relay.cut();
      boolean sawReconnecting = false;
      while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
        sawReconnecting |= bannerShown();
        Thread.sleep(100);
      }
      relay.restore();
      long reopened = System.nanoTime();
      assertThat(bot.leftParticipants).as("the server let the participant go after its grace").contains(participant);

      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> ConveneApp.running().flatMap(ConveneApp::callSession)
              .filter(s -> s != before).flatMap(CallSession::participantId).isPresent());
      CallSession after = ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow();
      String rejoined = after.participantId().orElseThrow();
      double joinedAfter = (System.nanoTime() - reopened) / 1e9;
      long appFrames = botFrames();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> botFrames() > appFrames + 30 && framesBotSeesOf(bot, rejoined) > 30 && !bannerShown());
      double backAfter = (System.nanoTime() - reopened) / 1e9;
      String notice = onFx(() -> robot.lookup("#callNotice").tryQuery()
          .map(n -> ((javafx.scene.control.Label) n).getText()).orElse(""));
      System.out.printf("FAULT signaling-cut-25s: reconnecting shown: %s; joined again as a new participant %.2f s and "
          + "media both ways %.2f s after the network came back; notice: %s%n", sawReconnecting, joinedAfter,
          backAfter, notice);
      assertThat(sawReconnecting).as("the app said it was reconnecting").isTrue();
      assertThat(rejoined).isNotEqualTo(participant);
      assertThat(notice).as("the app says it joined again").contains("joined the meeting again");
      assertThat(after.ended()).isNotDone();
      robot.clickOn("#leaveButton");
    }
  }

  private boolean bannerShown() throws Exception {
    return onFx(() -> robot.lookup("#reconnectingBanner").tryQuery().map(Node::isVisible).orElse(false));
  }

  private boolean chatShows(String line) throws Exception {
    return onFx(() -> robot.lookup("#chatList").tryQuery()
        .map(n -> ((ListView<?>) n).getItems().stream().map(com.convene.desktop.ui.call.ChatLine.class::cast)
            .anyMatch(item -> line.equals(item.senderName() + ": " + item.text()))).orElse(false));
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

  private static <T> T onFx(Callable<T> query) throws Exception {
    return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
  }
}
