package com.convene.desktop.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.DeviceList;
import com.convene.desktop.ui.SyncBackground;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 16 on the device settings screen (headless Monocle FX): with no camera and the test pattern
/// chosen there is no "No camera found" beside it (there is while nothing replaces the camera); "Test speaker"
/// plays the test sound on the chosen speaker and says so; the noise-suppression switch shows the saved state
/// and saves a change.
@ExtendWith(ApplicationExtension.class)
class DevicesViewFxTest {
  private final RecordingMachine machine = new RecordingMachine();
  private final StackPane holder = new StackPane();
  private DevicesViewModel model;

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
    stage.setScene(new Scene(holder, 1000, 700));
    stage.show();
  }

  private void open(boolean patternByDefault) {
    Platform.runLater(() -> {
      model = new DevicesViewModel(machine, new SyncBackground(), patternByDefault, 0);
      holder.getChildren().setAll(new DevicesView(model, () -> {}).root());
      model.load();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void noCameraMessageBesideTheChosenTestPattern(FxRobot robot) {
    machine.devices = new DeviceList(List.of(), List.of(RecordingMachine.HEADSET_MIC),
        List.of(RecordingMachine.SPEAKERS));
    open(false);
    assertThat(robot.lookup("#cameraMessage").queryAs(Label.class).getText()).isEqualTo("No camera found");

    robot.interact(() -> robot.lookup("#cameraChoice").<ComboBox<com.convene.desktop.media.DeviceInfo>>query()
        .setValue(VirtualDevices.TEST_PATTERN));
    assertThat(robot.lookup("#cameraMessage").queryAs(Label.class).getText()).isEmpty();
    assertThat(machine.events).contains("open preview " + VirtualDevices.TEST_PATTERN.name());

    open(true); // started with --video=pattern: the pattern is chosen from the start
    assertThat(robot.lookup("#cameraMessage").queryAs(Label.class).getText()).isEmpty();
  }

  @Test
  void speakerTestPlaysOnTheChosenSpeaker(FxRobot robot) {
    machine.devices = new DeviceList(List.of(RecordingMachine.WEBCAM), List.of(RecordingMachine.HEADSET_MIC),
        List.of(RecordingMachine.SPEAKERS));
    open(false);
    robot.clickOn("#speakerTestButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(machine.events).contains("test sound on Speakers");
    assertThat(robot.lookup("#devicesStatus").queryAs(Label.class).getText())
        .isEqualTo("Played a test sound on Speakers. Did you hear it?");

    machine.speakerSamples = 0;
    robot.clickOn("#speakerTestButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#devicesStatus").queryAs(Label.class).getText())
        .isEqualTo("Speakers did not play the test sound.");
  }

  @Test
  void noiseSuppressionSwitchShowsAndSavesTheSetting(FxRobot robot) {
    machine.devices = new DeviceList(List.of(RecordingMachine.WEBCAM), List.of(RecordingMachine.HEADSET_MIC),
        List.of(RecordingMachine.SPEAKERS));
    machine.noiseSuppression = false;
    open(false);
    CheckBox toggle = robot.lookup("#noiseSuppressionToggle").queryAs(CheckBox.class);
    assertThat(toggle.isSelected()).isFalse();
    robot.clickOn("#noiseSuppressionToggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(machine.noiseSuppression).isTrue();
    assertThat(machine.events).contains("noise suppression true");
    assertThat(robot.lookup("#devicesStatus").queryAs(Label.class).getText()).contains("will be suppressed");
  }
}
