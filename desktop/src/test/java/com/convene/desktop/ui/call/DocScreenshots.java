package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.media.TestPattern;
import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import com.convene.desktop.ui.SyncBackground;
import com.convene.desktop.ui.devices.DevicesService;
import com.convene.desktop.ui.devices.DevicesView;
import com.convene.desktop.ui.devices.DevicesViewModel;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.desktop.ui.signin.SignInView;
import com.convene.desktop.ui.signin.SignInViewModel;
import com.convene.desktop.ui.theme.ThemeMode;
import com.convene.desktop.ui.theme.Themes;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.WaitingParticipant;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/// Saves the README's screenshots (acceptance f of issue 7) from the real views on a headless FX toolkit:
/// sign-in, the call in grid and speaker view in light and dark, alone with the self-view, the share picker and
/// the sharing banner in light and dark, the participants panel of a host, and the device settings in light and
/// dark.
/// Tiles show the app's test pattern. Runs only when asked:
///
///     mvn -pl desktop test -Dtest=DocScreenshots -Dconvene.screenshots=$PWD/docs/screenshots
class DocScreenshots {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 760;

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
    // webrtc-java's natives (the test pattern's I420 buffers) load with the factory class
    Class.forName("dev.onvoid.webrtc.PeerConnectionFactory");
    Files.createDirectories(dir);
    for (ThemeMode mode : ThemeMode.values()) {
      String suffix = mode.name().toLowerCase(java.util.Locale.ROOT);
      save(dir.resolve("sign-in-" + suffix + ".png"), mode, () -> {
        SignInViewModel signIn = new SignInViewModel((s, u, p) -> {
          throw new IllegalStateException("not used");
        }, new SyncBackground(), signedIn -> {});
        signIn.serverProperty().set("https://meet.example.com");
        signIn.userProperty().set("hana");
        return new SignInView(signIn).root();
      });
      save(dir.resolve("call-grid-" + suffix + ".png"), mode, () -> callView(false, false));
      save(dir.resolve("call-speaker-" + suffix + ".png"), mode, () -> callView(true, false));
      save(dir.resolve("call-self-view-" + suffix + ".png"), mode, this::aloneView);
      save(dir.resolve("share-picker-" + suffix + ".png"), mode, () -> sharingView(false));
      save(dir.resolve("sharing-banner-" + suffix + ".png"), mode, () -> sharingView(true));
    }
    save(dir.resolve("participants-panel-light.png"), ThemeMode.LIGHT, () -> callView(false, true));
    for (ThemeMode mode : ThemeMode.values()) {
      save(dir.resolve("devices-" + mode.name().toLowerCase(java.util.Locale.ROOT) + ".png"), mode,
          DocScreenshots::devicesView);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(15);
    }
  }

  private CallView lastView;

  /// Alone in a meeting: our own tile (the self-view, mirrored) fills the stage.
  private Parent aloneView() {
    CallViewModel model = new CallViewModel("Weekly product sync", true, message -> {});
    model.onJoined("Weekly product sync", List.of());
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Hana Sato", "host", false, false, false, false));
    lastView = new CallView(model);
    return lastView.root();
  }

  /// The call of [#callView] with the share picker open (one screen), or while we share (the banner).
  private Parent sharingView(boolean sharing) throws Exception {
    callView(false, false);
    CallViewModel model = lastView.model();
    ScreenInfo screen = new ScreenInfo("s0", "Screen 1 (1920x1080)", 0, 0, 1920, 1080);
    lastView = new CallView(model, () -> List.of(new ShareChoice(screen, desktopThumbnail())));
    model.attach(new com.convene.desktop.call.CallControls() {
      @Override
      public void setAudioMuted(boolean muted) {}

      @Override
      public void setVideoMuted(boolean muted) {}

      @Override
      public void startScreenShare(ScreenInfo shared) {}

      @Override
      public void stopScreenShare() {}

      @Override
      public void leave() {}
    });
    if (sharing) {
      model.startShare(screen);
    } else {
      ((javafx.scene.control.Button) lastView.root().lookup("#shareButton")).fire();
    }
    return lastView.root();
  }

  /// A 240 × 135 picture of a desktop: a blue background with two windows.
  private static WritableImage desktopThumbnail() {
    WritableImage image = new WritableImage(240, 135);
    var pixels = image.getPixelWriter();
    for (int y = 0; y < 135; y++) {
      for (int x = 0; x < 240; x++) {
        boolean window = (x > 20 && x < 140 && y > 15 && y < 95) || (x > 110 && x < 220 && y > 50 && y < 120);
        boolean title = window && (y < 24 || (x > 110 && y > 50 && y < 59));
        pixels.setArgb(x, y, title ? 0xff3c4043 : window ? 0xfff1f3f4 : 0xff1a73e8 + (y / 9 << 8));
      }
    }
    return image;
  }

  /// A host's call with four others: Ada speaks, Bob raised his hand and is muted, Cleo's camera is off and her
  /// connection is poor; chat has two lines and the meeting is being recorded.
  private Parent callView(boolean speaker, boolean participants) {
    CallViewModel model = new CallViewModel("Weekly product sync", true, message -> {});
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Hana", "host", false, false, false, false));
    model.onJoined("Weekly product sync", List.of(
        new ParticipantInfo("p1", "u1", "Ada Lovelace", "participant", false, false, false, false),
        new ParticipantInfo("p2", "u2", "Bob Martin", "participant", true, false, false, true),
        new ParticipantInfo("p3", "u3", "Cleo Park", "participant", false, true, false, false),
        new ParticipantInfo("p4", "u4", "Dmitri Ivanov", "participant", false, false, false, false)));
    model.onStats(List.of(
        new ParticipantStats("p1", "Ada", 900, 30, 1_200_000, 0.2, 400, 640, 360, -1, 0, 4),
        new ParticipantStats("p2", "Bob", 900, 30, 1_100_000, 0, 400, 640, 360, -1, 0.01, 6),
        new ParticipantStats("p3", "Cleo", 0, 0, 40_000, 0.001, -1, 0, 0, -1, 0.14, 30),
        new ParticipantStats("p4", "Dmitri", 900, 24, 600_000, 0.001, 400, 640, 360, -1, 0.04, 12)));
    model.onRecordingChanged(true);
    model.onChatMessage(new ChatEntry("m1", "c1", "p1", "u1", "Ada Lovelace", "Can everyone see the roadmap?",
        "2026-01-15T10:35:00Z"));
    model.onChatMessage(new ChatEntry("m2", "c2", "p4", "u4", "Dmitri Ivanov", "Yes, loud and clear.",
        "2026-01-15T10:35:04Z"));
    model.speakerViewProperty().set(speaker);
    model.chat().openProperty().set(!participants);
    if (participants) {
      model.onWaitingRoomUpdated(List.of(new WaitingParticipant("w1", "u9", "Eve Quinn")));
    }
    lastView = new CallView(model);
    return lastView.root();
  }

  /// The device settings before a call on a laptop with a webcam and a USB headset: the preview shows the test
  /// pattern in place of the webcam's picture, the microphone meter stands at 35 %.
  private static Parent devicesView() {
    DeviceInfo webcam = new DeviceInfo("/dev/video0", "Integrated Webcam");
    DeviceInfo headsetMic = new DeviceInfo("alsa_input.usb-headset", "Jabra Evolve2 65 (microphone)");
    DeviceInfo builtInMic = new DeviceInfo("alsa_input.pci", "Built-in microphone");
    DeviceInfo headset = new DeviceInfo("alsa_output.usb-headset", "Jabra Evolve2 65");
    DeviceInfo speakers = new DeviceInfo("alsa_output.pci", "Built-in speakers");
    DeviceList machine = new DeviceList(List.of(webcam), List.of(headsetMic, builtInMic), List.of(headset, speakers));
    DevicesService service = new DevicesService() {
      @Override
      public DeviceList devices() {
        return machine;
      }

      @Override
      public DeviceChoice saved() {
        return new DeviceChoice(webcam.id(), headsetMic.id(), headset.id());
      }

      @Override
      public void save(DeviceChoice choice) {}

      @Override
      public Preview openPreview(DeviceInfo camera) {
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

      @Override
      public LevelMeter openLevel(DeviceInfo microphone) {
        return new LevelMeter() {
          @Override
          public double level() {
            return 0.35;
          }

          @Override
          public void close() {}
        };
      }
    };
    DevicesViewModel model = new DevicesViewModel(service, new SyncBackground(), false, 0);
    Parent root = new DevicesView(model, () -> {}).root();
    model.load();
    model.tick();
    return root;
  }

  private void save(Path file, ThemeMode mode, Callable<Parent> content) throws Exception {
    lastView = null;
    WaitForAsyncUtils.asyncFx(() -> {
      Stage stage = FxToolkit.registerPrimaryStage();
      Scene scene = new Scene(content.call(), WIDTH, HEIGHT);
      Themes.apply(scene, mode);
      stage.setScene(scene);
      stage.show();
      return null;
    }).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    CallView view = lastView;
    if (view != null) {
      WaitForAsyncUtils.asyncFx(() -> paintTiles(view)).get(10, TimeUnit.SECONDS);
    }
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = WaitForAsyncUtils.asyncFx(
        () -> FxToolkit.registerPrimaryStage().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    write(image, file);
  }

  /// Draws the test pattern on every tile whose participant has the camera on.
  private static Void paintTiles(CallView view) {
    long n = 40;
    for (VideoTile tile : view.shownTiles()) {
      if (tile.participantId().equals("p3")) {
        continue;
      }
      VideoFrameBuffer buffer = new TestPattern(640, 360).paint(n += 97);
      VideoFrame frame = new VideoFrame(buffer, 0, 0);
      tile.render(frame);
      frame.release();
    }
    return null;
  }

  private static void write(WritableImage image, Path file) throws IOException {
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
