package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Labeled;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, error handling "blocked port": the real app joins while every datagram to and from the backend's media
/// port is dropped (as a firewall that lets HTTPS through but not UDP would). Signaling works, so the call window
/// opens; the app then says that audio and video cannot reach the server and what to ask IT for, instead of
/// showing empty tiles without a word. When libwebrtc gives the path up (`FAILED`), the app joins again by itself
/// and keeps trying; when the port opens, media connects, the message goes away, and video flows with a bot. Then
/// the host ends the meeting and the app's meetings screen says so.
@Tag("media")
class BlockedMediaPortIT extends DesktopAppTest {
  private static final Duration BLOCKED = Duration.ofSeconds(25);

  @Test
  void saysMediaCannotGetThroughKeepsTryingAndConnectsWhenThePortOpens() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Fiona");
    RestFixture.Account user = rest.newMember("Gus");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Behind a firewall", Map.of("waitingRoomEnabled", false));

    signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
    long blockedFrom = System.nanoTime();
    backend.sfu().blockTraffic(BLOCKED);
    robot.clickOn("#joinCodeField").write(meeting.joinCode());
    robot.clickOn("#joinButton");
    String firstParticipant = Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
        .until(() -> ConveneApp.running().flatMap(ConveneApp::callSession).flatMap(s -> s.participantId())
            .orElse(null), id -> id != null);

    Awaitility.await().atMost(Duration.ofSeconds(18)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> notice().contains("cannot reach the meeting server"));
    System.out.printf("E2E blocked media port: \"%s\" shown %.1f s after joining behind the block%n", notice(),
        seconds(blockedFrom));

    // libwebrtc gives a never-connected path up after about 15 s; the app joins again by itself and keeps trying
    Awaitility.await().atMost(BLOCKED).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> ConveneApp.running().flatMap(ConveneApp::callSession).flatMap(s -> s.participantId())
            .filter(id -> !id.equals(firstParticipant)).isPresent());
    System.out.printf("E2E blocked media port: joined again by itself %.1f s after the block began%n",
        seconds(blockedFrom));

    Awaitility.await().atMost(BLOCKED.plusSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> System.nanoTime() - blockedFrom > BLOCKED.toNanos() && !notice().contains("cannot reach"));
    // the "cannot reach" message gives way to saying the call was joined again by itself (issue 12)
    assertThat(notice()).contains("joined the meeting again");
    System.out.printf("E2E blocked media port: message gone %.1f s after the port opened%n",
        seconds(blockedFrom) - BLOCKED.toSeconds());
    try (Peer bot = Peer.join(backend, host, meeting.joinCode(), "PatternBot", CallConfig.VideoChoice.PATTERN, 440,
        new CallListener() {})) {
      String app = ConveneApp.running().flatMap(ConveneApp::callSession).flatMap(s -> s.participantId())
          .orElseThrow();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
          .until(() -> botFrames() > 30 && framesBotSeesOf(bot, app) > 30);
      assertThat(notice()).doesNotContain("cannot reach");

      // error handling "meeting ended by host": the host ends it for everyone; the app says so on its meetings screen
      bot.session().endMeeting().get(10, java.util.concurrent.TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
          .until(() -> onFx(() -> robot.lookup("#meetingsError").queryAs(Labeled.class).getText()),
              text -> text.contains("The host ended the meeting"));
      System.out.println("E2E meeting ended by host: " + onFx(() -> robot.lookup("#meetingsError")
          .queryAs(Labeled.class).getText()));
    }
  }

  private static double seconds(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private static long framesBotSeesOf(Peer bot, String participantId) {
    return bot.stats().stream().filter(s -> s.participantId().equals(participantId))
        .mapToLong(s -> s.framesDecoded()).findFirst().orElse(0);
  }

  private String notice() throws Exception {
    return onFx(() -> robot.lookup("#callNotice").tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
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
}
