package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, the update check: with a newer installer in the real backend's update directory, the real JavaFX app
/// shows "Convene X is available" after sign-in and downloads the installer for this OS with a progress bar that
/// ends full; the saved file is byte for byte the one the server holds.
@Tag("media")
class DesktopUpdateIT extends DesktopAppTest {
  /// Newer than any version this build can have.
  private static final String VERSION = "99.1.0";
  private static final Path DEB = E2eBackend.UPDATE_DIRECTORY.resolve("convene_" + VERSION + "_amd64.deb");
  private static final Path RPM = E2eBackend.UPDATE_DIRECTORY.resolve("convene-" + VERSION + "-1.x86_64.rpm");

  @AfterAll
  static void cleanup() throws Exception {
    Files.deleteIfExists(DEB);
    Files.deleteIfExists(RPM);
    stopApp();
  }

  @Test
  void showsTheNewerVersionAndDownloadsItsInstallerWithAProgressBar() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture.Account user = backend.rest().newMember("Uma");
    byte[] installer = new byte[6 * 1024 * 1024 + 123];
    new Random(7).nextBytes(installer);
    Files.createDirectories(E2eBackend.UPDATE_DIRECTORY);
    boolean debian = Files.isExecutable(Path.of("/usr/bin/dpkg"));
    Files.write(debian ? DEB : RPM, installer);
    Files.write(debian ? RPM : DEB, new byte[] {1, 2, 3}); // the other package type: not this computer's

    Path downloads = Path.of("target", "desktop-update-downloads").toAbsolutePath();
    Files.createDirectories(downloads);
    Path saved = downloads.resolve((debian ? DEB : RPM).getFileName());
    Files.deleteIfExists(saved);
    System.setProperty("convene.downloads", downloads.toString());
    signIn(backend.baseUri(), user, "--audio=headless", "--video=pattern");

    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#updateBanner").query().isVisible()));
    String message = onFx(() -> robot.lookup("#updateMessage").queryAs(Labeled.class).getText());
    assertThat(message).isEqualTo("Convene " + VERSION + " is available");
    assertThat(onFx(() -> robot.lookup("#updateOpenButton").query().isVisible())).isFalse();
    // the banner does not block: the home screen stays usable under it
    assertThat(onFx(() -> robot.lookup("#joinCodeField").query().isDisabled())).isFalse();

    robot.clickOn("#updateDownloadButton");
    ProgressBar progress = robot.lookup("#updateProgress").queryAs(ProgressBar.class);
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> onFx(() -> progress.getProgress() >= 1.0 && progress.isVisible()));
    Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#updateOpenButton").query().isVisible()));
    String status = onFx(() -> robot.lookup("#updateStatus").queryAs(Labeled.class).getText());
    System.out.println("E2E update download: " + status);
    assertThat(status).contains(saved.toString());
    assertThat(Files.readAllBytes(saved)).isEqualTo(installer);
    try (var files = Files.list(downloads)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(saved.getFileName().toString());
    }

    robot.clickOn("#updateDismissButton");
    Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> onFx(() -> !robot.lookup("#updateBanner").query().isVisible()));
  }

}
