package com.convene.desktop.ui.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.ui.SyncBackground;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 15 (headless Monocle FX): with no `~/Downloads` the recording is saved into a newly created
/// `~/Downloads`, not into the home folder; Open hands the saved file to the desktop and Show in folder its
/// folder; the desktop's own downloads folder (xdg-user-dirs) is used when it names one.
@ExtendWith(ApplicationExtension.class)
class RecordingDownloadFxTest {
  private static final byte[] VIDEO = "not really an mp4, but 38 bytes long.".getBytes(StandardCharsets.UTF_8);
  @TempDir
  static Path home;
  private final List<Path> opened = new ArrayList<>();
  private RecordingsViewModel model;

  @BeforeAll
  static void headless() {
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("java.awt.headless", "true");
  }

  @Start
  void start(Stage stage) {
    RecordingView ready = new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Review",
        "ready", "private", true, false, true, Instant.parse("2026-11-23T10:15:00Z"), 95, (long) VIDEO.length, null,
        null, null, "/api/v1/recordings/1/download", List.of());
    RecordingsService server = new RecordingsService() {
      @Override
      public List<RecordingView> myRecordings() {
        return List.of(ready);
      }

      @Override
      public void download(RecordingView recording, String password, Path target, BiConsumer<Long, Long> progress) {
        try {
          Files.write(target, VIDEO);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        progress.accept((long) VIDEO.length, (long) VIDEO.length);
      }

      @Override
      public RecordingView update(RecordingView recording, RecordingUpdateRequest request) {
        throw new AssertionError("not here");
      }

      @Override
      public RecordingView recompose(RecordingView recording) {
        throw new AssertionError("not here");
      }

      @Override
      public void delete(RecordingView recording) {
        throw new AssertionError("not here");
      }
    };
    model = new RecordingsViewModel(server, new SyncBackground(), DownloadFolder.resolve("", home, Map.of()),
        Runnable::run);
    stage.setScene(new Scene(new RecordingsView(model, () -> {}, opened::add).root(), 900, 600));
    stage.show();
    model.refresh();
  }

  @Test
  void savesIntoACreatedDownloadsFolderAndOffersOpenAndShowInFolder(FxRobot robot) throws IOException {
    assertThat(home.resolve("Downloads")).doesNotExist();
    assertThat(robot.lookup("#openDownloadButton").query().isVisible()).isFalse();
    robot.interact(() -> model.selectedProperty().set(model.recordings().getFirst()));
    robot.clickOn("#downloadButton");
    WaitForAsyncUtils.waitForFxEvents();

    Path saved = model.lastDownloadProperty().get();
    assertThat(saved).isNotNull();
    assertThat(saved.getParent()).isEqualTo(home.resolve("Downloads"));
    assertThat(Files.readAllBytes(saved)).isEqualTo(VIDEO);
    try (var inHome = Files.list(home)) {
      assertThat(inHome.filter(Files::isRegularFile).toList()).as("nothing saved into the home folder").isEmpty();
    }

    robot.clickOn("#openDownloadButton");
    robot.clickOn("#showInFolderButton");
    assertThat(opened).containsExactly(saved, home.resolve("Downloads"));
  }

  @Test
  void usesTheDesktopsDownloadsFolderWhenUserDirsNamesOne() throws IOException {
    Path config = Files.createDirectories(home.resolve("cfg"));
    Files.writeString(config.resolve("user-dirs.dirs"),
        "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/T\u00e9l\u00e9chargements\"\n");
    assertThat(DownloadFolder.resolve(null, home, Map.of("XDG_CONFIG_HOME", config.toString())))
        .isEqualTo(home.resolve("T\u00e9l\u00e9chargements"));
    Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\"$HOME/\"\n");
    assertThat(DownloadFolder.resolve(null, home, Map.of("XDG_CONFIG_HOME", config.toString())))
        .as("$HOME itself means disabled").isEqualTo(home.resolve("Downloads"));
    assertThat(DownloadFolder.resolve("/srv/media", home, Map.of())).isEqualTo(Path.of("/srv/media"));
  }
}
