package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.api.MeetingView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance d of issue 3: the real JavaFX app, driven by TestFX under Xvfb, signs in to the real backend,
/// joins a meeting in which a bot publishes, and shows a non-blank remote video tile; the call window is saved
/// as `target/desktop-call-window.png`.
@Tag("media")
class DesktopAppIT extends DesktopAppTest {

  @Test
  void signsInJoinsAndShowsTheBotsVideo() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.admin();
    RestFixture.Account user = rest.newMember("Dana");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Desktop app call");

    try (Peer bot = Peer.join(backend, host, meeting.joinCode(), "PatternBot", CallConfig.VideoChoice.PATTERN, 440, new CallListener() {})) {
      signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#joinCodeField").tryQuery().isPresent());
      robot.clickOn("#joinCodeField").write(meeting.joinCode());
      robot.clickOn("#joinButton");

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> onFx(() -> {
            List<VideoTile> tiles = ConveneApp.running().flatMap(ConveneApp::callView).map(v -> v.tiles()).orElse(List.of());
            return tiles.stream().anyMatch(t -> "PatternBot".equals(t.nameProperty().get())
                && t.hasNonBlankPixels() && t.framesRenderedProperty().get() > 30);
          }));
      Path shot = saveScreenshot(Path.of("target", "desktop-call-window.png"));
      assertThat(shot).exists().isNotEmptyFile();
      System.out.println("E2E desktop call window screenshot: " + shot.toAbsolutePath());

      robot.clickOn("#leaveButton");
    }
  }

  private static Path saveScreenshot(Path file) throws Exception {
    WritableImage image = onFx(() -> robotWindowSnapshot());
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(out, "png", file.toFile());
    return file;
  }

  private static WritableImage robotWindowSnapshot() {
    return javafx.stage.Window.getWindows().stream()
        .filter(javafx.stage.Window::isShowing)
        .filter(w -> w.getScene() != null)
        .reduce((a, b) -> b)
        .orElseThrow()
        .getScene()
        .snapshot(null);
  }

}
