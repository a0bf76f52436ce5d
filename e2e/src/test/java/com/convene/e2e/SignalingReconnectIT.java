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

/// Issue 7, a full network outage under the real app (docs/decisions/080-signaling-resume.md): the app reaches the
/// backend's HTTP/WebSocket port through a [TcpRelay], and for 5 s the relay drops every connection and refuses
/// new ones while the SFU's media port drops every datagram. The app says it is reconnecting, resumes its
/// signaling as the same participant, video flows both ways again, and a chat message the bot sent during the
/// outage shows in the app, all within 10 s of the network coming back and without a click; the resume itself (the
/// missed chat shown) within 2 s of it (issue 12: reconnect delays with jitter, never over 1 s).
@Tag("media")
@Tag("fault")
class SignalingReconnectIT extends DesktopAppTest {
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  private static final String GAP_MESSAGE = "sent while you were offline";

  @Test
  void resumesTheSameParticipantAfterAFiveSecondFullOutage() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Quinn");
    RestFixture.Account user = rest.newMember("Rosa");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Flaky proxy",
        java.util.Map.of("waitingRoomEnabled", false));
    URI direct = backend.baseUri();

    try (TcpRelay relay = new TcpRelay(E2eBackend.ADDRESS, new InetSocketAddress(direct.getHost(), direct.getPort()));
        Peer bot = Peer.join(backend, host, meeting.joinCode(), "PatternBot", CallConfig.VideoChoice.PATTERN, 440,
            new CallListener() {})) {
      FxToolkit.setupApplication(ConveneApp.class, "--server=http://" + E2eBackend.ADDRESS + ":" + relay.port(),
          "--user=" + user.username(), "--audio=headless", "--video=pattern");
      // the sign-in screen may still be swapping in (a node without a scene yet)
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
      CallSession session = ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow();
      String participant = session.participantId().orElseThrow();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
          .until(() -> framesBotSeesOf(bot, participant) > 30);

      long cutAt = System.nanoTime();
      relay.cut();
      backend.sfu().blockTraffic(OUTAGE);
      boolean sawReconnecting = false;
      boolean chatSent = false;
      while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
        sawReconnecting |= bannerShown();
        if (!chatSent && System.nanoTime() - cutAt > TimeUnit.SECONDS.toNanos(2)) {
          bot.session().sendChat(GAP_MESSAGE).get(5, TimeUnit.SECONDS);
          chatSent = true;
        }
        Thread.sleep(100);
      }
      relay.restore();
      long reopened = System.nanoTime();
      long appFramesAtReopen = botFrames();
      long botFramesAtReopen = framesBotSeesOf(bot, participant);
      System.out.printf("E2E full outage: %d datagrams dropped, %d connections refused, reconnecting shown: %s%n",
          backend.sfu().blockedPackets(), relay.refused(), sawReconnecting);

      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> chatShows("PatternBot: " + GAP_MESSAGE));
      double chatAfter = (System.nanoTime() - reopened) / 1e9;
      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> botFrames() > appFramesAtReopen + 30
              && framesBotSeesOf(bot, participant) > botFramesAtReopen + 30
              && !bannerShown());
      double backAfter = (System.nanoTime() - reopened) / 1e9;
      System.out.printf("E2E signaling resumed (missed chat shown) %.2f s and media both ways %.2f s after the "
          + "network came back%n", chatAfter, backAfter);
      assertThat(sawReconnecting).as("the app said it was reconnecting").isTrue();
      assertThat(chatAfter).as("resumed (the missed chat shown) within 2 s of the network coming back").isLessThan(2.0);
      assertThat(backAfter).isLessThan(10.0);
      assertThat(ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow()).isSameAs(session);
      assertThat(session.participantId()).hasValue(participant);
      assertThat(bot.leftParticipants).doesNotContain(participant);
      assertThat(session.ended()).isNotDone();
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
