package com.convene.desktop.ui.prejoin;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.DeviceList;
import com.convene.desktop.ui.SyncBackground;
import com.convene.desktop.ui.devices.DevicesViewModel;
import com.convene.desktop.ui.devices.RecordingMachine;
import com.convene.desktop.ui.meetings.JoinTarget;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 3 (headless Monocle FX): choosing a meeting opens "Ready to join?" with the camera preview
/// running and the microphone measured (the level bar moves); the switches stop and restart camera and
/// microphone; Join hands over the typed name and the switches (microphone off = join muted), after closing the
/// preview and the meter so the call can open the devices; Cancel joins nothing; a blank name cannot join.
@ExtendWith(ApplicationExtension.class)
class PreJoinViewFxTest {
  private static final JoinTarget STANDUP = new JoinTarget("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Standup");
  private final RecordingMachine machine = new RecordingMachine();
  private final List<PreJoinChoice> joined = new ArrayList<>();
  private final List<String> cancelled = new ArrayList<>();

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
    machine.devices = new DeviceList(List.of(RecordingMachine.WEBCAM), List.of(RecordingMachine.HEADSET_MIC),
        List.of(RecordingMachine.SPEAKERS));
    machine.level = 0.09;
    PreJoinViewModel model = new PreJoinViewModel(new DevicesViewModel(machine, new SyncBackground(), false, 0),
        STANDUP, "Ada Lovelace", true, joined::add, () -> cancelled.add("cancel"));
    stage.setScene(new Scene(new PreJoinView(model).root(), 900, 760));
    stage.show();
    model.load();
  }

  @Test
  void showsPreviewAndLevelAndJoinsWithTheChosenNameAndSwitches(FxRobot robot) {
    assertThat(robot.lookup("#preJoinTitle").queryAs(Label.class).getText()).isEqualTo("Standup");
    assertThat(machine.openedAndClosed()).containsExactly("open preview HD Webcam", "open level USB headset");
    assertThat(robot.lookup("#preJoinCameraOff").query().isVisible()).isFalse();
    robot.sleep(400); // the view's 100 ms ticker reads the level
    assertThat(robot.lookup("#preJoinLevel").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.3, within());

    robot.clickOn("#preJoinMic");
    assertThat(robot.lookup("#preJoinMic").queryAs(ToggleButton.class).getText()).isEqualTo("Microphone off");
    robot.clickOn("#preJoinCamera");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#preJoinCameraOff").query().isVisible()).isTrue();
    assertThat(machine.openedAndClosed()).endsWith("close level USB headset", "close preview HD Webcam");
    robot.clickOn("#preJoinCamera");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(machine.openedAndClosed()).endsWith("open preview HD Webcam");

    robot.doubleClickOn("#preJoinName").eraseText(20).write("Ada (tablet)");
    robot.clickOn("#preJoinButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(joined).containsExactly(new PreJoinChoice(STANDUP, "Ada (tablet)", true, false));
    assertThat(machine.openedAndClosed()).endsWith("close preview HD Webcam");
    assertThat(cancelled).isEmpty();
  }

  @Test
  void blankNameCannotJoinAndCancelJoinsNothing(FxRobot robot) {
    robot.interact(() -> robot.lookup("#preJoinName").queryTextInputControl().setText("  "));
    assertThat(robot.lookup("#preJoinButton").queryButton().isDisabled()).isTrue();
    robot.clickOn("#preJoinCancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(cancelled).containsExactly("cancel");
    assertThat(joined).isEmpty();
    assertThat(machine.openedAndClosed()).endsWith("close level USB headset");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
