package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.FxCallAdapter;
import com.convene.desktop.call.SfuSignalingBridge;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The call screen (headless Monocle) in a real call through the SFU with a pattern bot: the bot's tile must
/// show a decoded picture, the microphone toggle must reach the room, and our own tile (the self-view) must show
/// the very track the call sends (issue 16, item 1).
@Tag("media")
@ExtendWith(ApplicationExtension.class)
class SfuCallViewIT {
  private static SfuServer sfu;
  private static MediaEngine appEngine;
  private static MediaEngine botEngine;
  private static SfuSignalingBridge bridge;
  private CallView view;
  private FxCallAdapter call;

  @BeforeAll
  static void startSfu() {
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    sfu = SfuServer.start(SfuConfig.loopback("127.0.0.2"));
    appEngine = MediaEngine.create(AudioMode.HEADLESS);
    botEngine = MediaEngine.create(AudioMode.HEADLESS);
    bridge = new SfuSignalingBridge(sfu);
  }

  @AfterAll
  static void stopSfu() {
    appEngine.close();
    botEngine.close();
    sfu.close();
  }

  @Start
  void start(Stage stage) {
    CallViewModel model = new CallViewModel("Room", false, message -> {});
    view = new CallView(model);
    call = FxCallAdapter.start(config("Me", CallConfig.AudioChoice.MICROPHONE), appEngine, bridge, model);
    model.attach(call);
    stage.setScene(new Scene(view.root(), 800, 600));
    stage.show();
  }

  @Test
  void rendersRemotePatternIntoTile(FxRobot robot) throws Exception {
    call.session().joined().get(10, TimeUnit.SECONDS);
    CallSession bot = CallSession.start(config("PatternBot", CallConfig.AudioChoice.TONE), botEngine, bridge,
        new CallListener() {});
    bot.joined().get(10, TimeUnit.SECONDS);

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> {
      List<VideoTile> tiles = view.tiles();
      return tiles.size() == 1 && tiles.getFirst().hasNonBlankPixels()
          && tiles.getFirst().framesRenderedProperty().get() > 30;
    }));
    assertThat(onFx(() -> view.tiles().getFirst().nameProperty().get())).isEqualTo("PatternBot");
    // the self-view draws the pattern the session publishes (CallSession → onLocalVideoTrack → VideoFeed)
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() ->
        view.selfTile().framesRenderedProperty().get() > 30 && view.selfTile().hasNonBlankPixels()));
    assertThat(onFx(() -> view.shownTiles())).hasSize(2);
    long selfBefore = onFx(() -> view.selfTile().framesRenderedProperty().get());
    long remoteBefore = onFx(() -> view.tiles().getFirst().framesRenderedProperty().get());
    Thread.sleep(3_000);
    System.out.printf("Self-view: %.1f frames/s drawn (the remote tile: %.1f frames/s) over 3 s%n",
        (onFx(() -> view.selfTile().framesRenderedProperty().get()) - selfBefore) / 3.0,
        (onFx(() -> view.tiles().getFirst().framesRenderedProperty().get()) - remoteBefore) / 3.0);
    assertThat(robot.lookup("#audioWarning").queryLabeled().getText()).isNotBlank();

    robot.clickOn("#micToggle");
    assertThat(robot.lookup("#micToggle").queryAs(ToggleButton.class).isSelected()).isFalse();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bot.participants().stream()
        .anyMatch(p -> p.displayName().equals("Me") && p.audioMuted()));

    bot.leave().get(10, TimeUnit.SECONDS);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> view.tiles().isEmpty()));
    call.session().leave().get(10, TimeUnit.SECONDS);
  }

  private static <T> T onFx(Callable<T> query) throws Exception {
    return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
  }

  private static CallConfig config(String name, CallConfig.AudioChoice audio) {
    return new CallConfig("ui-room", name, CallConfig.CLIENT_NAME, audio, 440, CallConfig.VideoChoice.PATTERN, null,
        null, false, false);
  }
}
