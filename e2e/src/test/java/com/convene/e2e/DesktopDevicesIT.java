package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.settings.ConfigLocations;
import com.convene.desktop.app.settings.LayeredSettings;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.ui.controls.VideoTile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, device settings on the real app against the real backend, on a machine without camera and
/// microphone: the screen says "No camera found", the user picks the app's test pattern and test tone (its
/// virtual camera and microphone) and the messages go away (issue 16), sees the preview's frames advance and the
/// level meter move, and finds the
/// choice remembered (screen and settings file) after leaving and reopening the screen.
@Tag("media")
class DesktopDevicesIT extends DesktopAppTest {
  private static final Map<String, String> NO_CHOICE = Map.of("camera", "", "microphone", "", "speaker", "");

  @BeforeAll
  static void classSettings() throws Exception {
    LayeredSettings.saveUser(ConfigLocations.current(), NO_CHOICE);
  }

  @AfterAll
  static void cleanup() throws Exception {
    stopApp();
    LayeredSettings.saveUser(ConfigLocations.current(), NO_CHOICE); // later tests join with their own options
  }

  @Test
  void picksTheVirtualCameraAndMicrophoneWithPreviewAndLevelAndRemembersThem() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture.Account user = backend.rest().newMember("Dev");
    signIn(backend.baseUri(), user, "--audio=headless");
    openDevices();

    boolean cameraHere;
    try (Stream<Path> dev = Files.list(Path.of("/dev"))) {
      cameraHere = dev.anyMatch(p -> p.getFileName().toString().startsWith("video"));
    }
    Assumptions.assumeFalse(cameraHere, "this test is for a machine without a camera");
    assertThat(text("#cameraMessage")).isEqualTo("No camera found");
    assertThat(text("#microphoneMessage")).isEqualTo("No microphone found");
    assertThat(onFx(() -> combo("#cameraChoice").getValue())).isNull();
    VideoTile preview = robot.lookup("#devicePreview").queryAs(VideoTile.class);
    assertThat(onFx(preview.framesRenderedProperty()::get)).isZero();

    robot.clickOn("#cameraChoice").clickOn("Test pattern");
    robot.clickOn("#microphoneChoice").clickOn("Test tone (440 Hz)");
    assertPreviewMovesAndLevelShows(preview);
    // issue 16 item 16: nothing is missing once the test pattern and tone stand in for camera and microphone
    assertThat(text("#cameraMessage")).isEmpty();
    assertThat(text("#microphoneMessage")).isEmpty();
    Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> text("#devicesStatus").startsWith("Saved"));
    Map<String, String> saved = LayeredSettings.load(ConfigLocations.current(), Map.of()).asMap();
    assertThat(saved).containsEntry("camera", "convene:test-pattern").containsEntry("microphone", "convene:test-tone");

    robot.clickOn("#devicesBackButton");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#joinCodeField").tryQuery()
        .isPresent());
    openDevices();
    assertThat(onFx(() -> combo("#cameraChoice").getValue().name())).isEqualTo("Test pattern");
    assertThat(onFx(() -> combo("#microphoneChoice").getValue().name())).isEqualTo("Test tone (440 Hz)");
    assertPreviewMovesAndLevelShows(robot.lookup("#devicePreview").queryAs(VideoTile.class));
    robot.clickOn("#devicesBackButton");
  }

  private void openDevices() {
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#devicesButton").tryQuery().isPresent());
    robot.clickOn("#devicesButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#cameraChoice").tryQuery().isPresent());
  }

  /// The preview draws new frames of the pattern, and the meter goes from nothing to the tone's level
  /// (RMS 0.21, shown on a square-root scale as about 0.46).
  private void assertPreviewMovesAndLevelShows(VideoTile preview) throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> onFx(preview.framesRenderedProperty()::get) > 0);
    long first = onFx(preview.framesRenderedProperty()::get);
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> onFx(preview.framesRenderedProperty()::get) >= first + 10);
    assertThat(onFx(preview::hasNonBlankPixels)).isTrue();
    ProgressBar level = robot.lookup("#microphoneLevel").queryAs(ProgressBar.class);
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> onFx(level::getProgress) > 0.3);
    System.out.println("E2E devices: preview frames " + onFx(preview.framesRenderedProperty()::get) + ", level "
        + onFx(level::getProgress));
  }

  private String text(String query) throws Exception {
    return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  @SuppressWarnings("unchecked")
  private ComboBox<DeviceInfo> combo(String query) {
    return robot.lookup(query).queryAs(ComboBox.class);
  }

}
