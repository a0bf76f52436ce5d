package com.convene.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.DeviceList;
import com.convene.desktop.media.TestPattern;
import com.convene.desktop.ui.devices.DevicesService;
import com.convene.desktop.ui.devices.DevicesViewModel;
import com.convene.desktop.ui.devices.RecordingMachine;
import com.convene.desktop.ui.meetings.JoinTarget;
import com.convene.desktop.ui.meetings.MeetingsView;
import com.convene.desktop.ui.meetings.MeetingsViewModel;
import com.convene.desktop.ui.prejoin.PreJoinView;
import com.convene.desktop.ui.prejoin.PreJoinViewModel;
import com.convene.desktop.ui.schedule.Recurrence;
import com.convene.desktop.ui.schedule.ScheduleView;
import com.convene.desktop.ui.schedule.ScheduleViewModel;
import com.convene.desktop.ui.theme.ThemeMode;
import com.convene.desktop.ui.theme.Themes;
import com.convene.model.api.MeetingView;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// Saves the README's screenshots of issue 16's home screens from the real views on a headless FX toolkit: the
/// home screen with today's meetings, the schedule form and the pre-join screen (the preview shows the app's test
/// pattern), each light and dark. Runs only when asked:
///
///     mvn -pl desktop test -Dtest=HomeScreenshots -Dconvene.screenshots=$PWD/docs/screenshots
class HomeScreenshots {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 760;
  private static final Instant NOW = Instant.parse("2026-12-07T08:55:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @BeforeAll
  static void headless() throws Exception {
    Assumptions.assumeTrue(System.getProperty("convene.screenshots") != null, "-Dconvene.screenshots=<dir>");
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.lcdtext", "false");
    System.setProperty("java.awt.headless", "true");
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void savesTheScreenshots() throws Exception {
    Path dir = Path.of(System.getProperty("convene.screenshots"));
    Class.forName("dev.onvoid.webrtc.PeerConnectionFactory"); // natives for the test pattern's frames
    Files.createDirectories(dir);
    for (ThemeMode mode : ThemeMode.values()) {
      String suffix = mode.name().toLowerCase(Locale.ROOT);
      save(dir.resolve("home-" + suffix + ".png"), mode, HomeScreenshots::home);
      save(dir.resolve("schedule-" + suffix + ".png"), mode, HomeScreenshots::schedule);
      save(dir.resolve("prejoin-" + suffix + ".png"), mode, HomeScreenshots::preJoin);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().matches("(home|schedule|prejoin)-.*\\.png")).count())
          .isEqualTo(6);
    }
  }

  private static Parent home() {
    UUID me = UUID.randomUUID();
    UUID colleague = UUID.randomUUID();
    MeetingsInMemory server = new MeetingsInMemory(me);
    server.add(colleague, "Incident review", null, null, "live");
    server.add(me, "Team standup", NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(20)), "scheduled");
    server.add(colleague, "Design review", NOW.plus(Duration.ofMinutes(65)), NOW.plus(Duration.ofMinutes(125)),
        "scheduled");
    server.add(me, "1:1 Hana / Ivo", NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(5).plusMinutes(30)),
        "scheduled");
    server.add(colleague, "Quarterly planning", NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2).plusHours(2)),
        "scheduled");
    MeetingsViewModel model = new MeetingsViewModel(server, new SyncBackground(), target -> {}, me, "Hana",
        InstantSource.fixed(NOW), new Dates(ZONE, Locale.UK));
    Parent root = new MeetingsView(model, () -> {}, () -> {}, () -> {}, meeting -> {}, () -> {}).root();
    model.refresh();
    return root;
  }

  private static Parent schedule() {
    ScheduleViewModel model = new ScheduleViewModel(new MeetingsInMemory(UUID.randomUUID()), new SyncBackground(),
        null, NOW, ZONE, Locale.UK, saved -> {});
    model.titleProperty().set("Sprint planning");
    model.recurrenceProperty().set(Recurrence.WEEKLY);
    model.countProperty().set(6);
    model.lengthMinutesProperty().set(60);
    model.inviteesProperty().set("ivo@example.com, lena@example.com");
    model.requirePasswordProperty().set(true);
    model.passwordProperty().set("harbour-42");
    return new ScheduleView(model, () -> {}).root();
  }

  private static Parent preJoin() {
    RecordingMachine machine = new RecordingMachine() {
      @Override
      public Preview openPreview(com.convene.desktop.media.DeviceInfo camera) {
        return new Preview() {
          @Override
          public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {
            if (renderer != null) {
              VideoFrame frame = new VideoFrame(new TestPattern(640, 360).paint(120), 0, 0);
              renderer.accept(frame);
              frame.release();
            }
          }

          @Override
          public void close() {}
        };
      }
    };
    machine.devices = new DeviceList(List.of(RecordingMachine.WEBCAM), List.of(RecordingMachine.HEADSET_MIC),
        List.of(RecordingMachine.SPEAKERS));
    machine.level = 0.05;
    PreJoinViewModel model = new PreJoinViewModel(new DevicesViewModel(machine, new SyncBackground(), false, 0),
        new JoinTarget(UUID.randomUUID().toString(), "Team standup"), "Hana Novak", true, choice -> {}, () -> {});
    Parent root = new PreJoinView(model).root();
    model.load();
    return root;
  }

  private static void save(Path file, ThemeMode mode, Callable<Parent> content) throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    WaitForAsyncUtils.asyncFx(() -> {
      Scene scene = new Scene(content.call(), WIDTH, HEIGHT);
      Themes.apply(scene, mode);
      stage.setScene(scene);
      stage.show();
      return null;
    }).get(60, TimeUnit.SECONDS);
    Thread.sleep(300); // the pre-join's level meter ticks every 100 ms
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = WaitForAsyncUtils.asyncFx(
        () -> stage.getScene().snapshot(null)).get(60, TimeUnit.SECONDS);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(out, "png", file.toFile());
  }
}
