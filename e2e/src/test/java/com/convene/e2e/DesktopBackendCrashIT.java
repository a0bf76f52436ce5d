package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12's fault suite, "backend `SIGKILL` and restart", for the real desktop app: the app and a bot are in a
/// call through a backend in a JVM of its own ([BackendProcess]), which is killed with `SIGKILL` and started again
/// at once on the same ports. Without a click the app joins the meeting again (its resume is refused by the new
/// server, or its media fails first, and it keeps trying while the server is down), says so, and renders the bot's
/// video again within 5 s of `/health` answering 200; the bot decodes the app's video again too. The figures are
/// printed.
@Tag("media")
@Tag("fault")
class DesktopBackendCrashIT extends DesktopAppTest {

  @Test
  void theAppIsBackInTheMeetingWithMediaWithinFiveSecondsOfTheRestart() throws Exception {
    Path dir = Path.of("target", "desktop-backend-crash").toAbsolutePath();
    Map<String, Object> overrides = Map.of(
        "convene.recording.spool-directory", dir.resolve("spool").toString(),
        "convene.storage.local.root", dir.resolve("storage").toString(),
        "convene.outbox.directory", dir.resolve("outbox").toString());
    try (BackendProcess backend = new BackendProcess(overrides, BackendCrashIT.freeTcpPort(),
        BackendCrashIT.freeUdpPort(), dir.resolve("backend.log"))) {
      backend.start();
      backend.awaitHealthy(Duration.ofSeconds(90));
      RestFixture rest = new RestFixture(backend.baseUri());
      RestFixture.Account host = rest.newMember("Yara");
      RestFixture.Account user = rest.newMember("Wes");
      MeetingView meeting = rest.scheduleMeeting(host.token(), "Crash call, app");
      BotRun bot = BotRun.start(backend, host, meeting, "PatternBot", 440);
      try {
        signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern");
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
            .until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
        robot.clickOn("#joinCodeField").write(meeting.joinCode());
        robot.clickOn("#joinButton");
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
            .until(() -> botFrames() > 30 && bot.framesOf("Wes", 0) > 30);
        CallSession before = ConveneApp.running().flatMap(ConveneApp::callSession).orElseThrow();

        backend.kill();
        long killedAt = System.nanoTime();
        backend.start();
        long healthyAt = backend.awaitHealthy(Duration.ofSeconds(90));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> ConveneApp.running().flatMap(ConveneApp::callSession).filter(s -> s != before)
                .flatMap(CallSession::participantId).isPresent() && botFrames() > 0);
        double appMediaAfter = (System.nanoTime() - healthyAt) / 1e9;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> bot.rejoins() >= 1 && bot.framesOf("Wes", 1) > 0);
        double botMediaAfter = (System.nanoTime() - healthyAt) / 1e9;
        String notice = onFx(() -> robot.lookup("#callNotice").tryQuery()
            .map(n -> ((javafx.scene.control.Label) n).getText()).orElse(""));
        System.out.printf("FAULT backend-kill (app): healthy again %.1f s after SIGKILL; the app rendered the bot "
                + "again %.2f s and the bot decoded the app %.2f s after /health answered; notice: %s%n",
            (healthyAt - killedAt) / 1e9, appMediaAfter, botMediaAfter, notice);
        assertThat(appMediaAfter).as("the app's media back within 5 s of /health").isLessThan(5.0);
        assertThat(botMediaAfter).as("the bot decodes the app again within 5 s of /health").isLessThan(5.0);
        assertThat(notice).as("the app says it joined again").contains("joined the meeting again");
        robot.clickOn("#leaveButton");
      } finally {
        bot.stop();
      }
    }
  }

  /// Frames the app rendered in the bot's tile (the tile of the current call).
  private static long botFrames() throws Exception {
    return onFx(() -> {
      List<VideoTile> tiles = ConveneApp.running().flatMap(ConveneApp::callView).map(v -> v.tiles())
          .orElse(List.of());
      return tiles.stream().filter(t -> "PatternBot".equals(t.nameProperty().get()))
          .mapToLong(t -> t.framesRenderedProperty().get()).max().orElse(0);
    });
  }

  private static <T> T onFx(Callable<T> query) throws Exception {
    return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
  }
}
