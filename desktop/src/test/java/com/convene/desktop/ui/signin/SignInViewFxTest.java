package com.convene.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.FxBackground;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Smoke test of the sign-in form on a real (headless Monocle) FX toolkit: typing enables the button, a refused
/// sign-in shows the server's detail text.
@ExtendWith(ApplicationExtension.class)
class SignInViewFxTest {

  @BeforeAll
  static void headless() {
    if (Boolean.parseBoolean(System.getProperty("testfx.headless", "true"))) {
      System.setProperty("testfx.robot", "glass");
      System.setProperty("testfx.headless", "true");
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Start
  void start(Stage stage) {
    SignInViewModel model = new SignInViewModel((server, user, password) -> {
      throw new CallException("Wrong user name or password.", "urn:convene:problem:invalid-credentials");
    }, new FxBackground(), signedIn -> {});
    stage.setScene(new Scene(new SignInView(model).root(), 600, 400));
    stage.show();
  }

  @Test
  void showsServerDetailWhenSignInIsRefused(FxRobot robot) {
    Button signIn = robot.lookup("#signInButton").queryButton();
    assertThat(signIn.isDisabled()).isTrue();

    robot.clickOn("#serverField").write("http://127.0.0.2:8080");
    robot.clickOn("#userField").write("ada");
    robot.clickOn("#passwordField").write("wrong-password");
    assertThat(signIn.isDisabled()).isFalse();

    robot.clickOn("#signInButton");
    WaitForAsyncUtils.waitForFxEvents();
    robot.sleep(200);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#signInError").queryAs(Label.class).getText()).isEqualTo("Wrong user name or password.");
  }
}
