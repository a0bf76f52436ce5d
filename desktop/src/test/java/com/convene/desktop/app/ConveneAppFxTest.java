package com.convene.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/// Starts the whole app the way end-to-end tests will (options as arguments) and signs in against a server
/// address where nothing listens: the sign-in screen must stay and explain, not hang or crash.
class ConveneAppFxTest {
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void headless() throws Exception {
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stopApp() throws Exception {
    FxToolkit.cleanupApplication(ConveneApp.running().orElseThrow());
  }

  @Test
  void explainsUnreachableServer() throws Exception {
    FxToolkit.setupApplication(ConveneApp.class, "--server=http://127.0.0.1:9", "--user=ada", "--audio=headless",
        "--video=pattern", "convene://join/abc-defg-hij");
    assertThat(robot.lookup("#serverField").queryAs(TextField.class).getText()).isEqualTo("http://127.0.0.1:9");
    assertThat(robot.lookup("#userField").queryAs(TextField.class).getText()).isEqualTo("ada");
    robot.clickOn("#passwordField").write("secret");
    robot.clickOn("#signInButton");
    Awaitility.await().atMost(Duration.ofSeconds(15))
        .until(() -> !robot.lookup("#signInError").queryAs(Label.class).getText().isBlank());
    assertThat(robot.lookup("#signInError").queryAs(Label.class).getText()).contains("Could not reach the server");
  }
}
