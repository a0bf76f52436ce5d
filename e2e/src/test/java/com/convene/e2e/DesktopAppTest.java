package com.convene.e2e;

import com.convene.desktop.app.ConveneApp;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/// Base of the end-to-end tests that drive the real desktop app with TestFX (the glass robot) under Xvfb: the FX
/// toolkit is registered once per class (skipped without a display), a test starts and signs in the app with
/// [#signIn], and the app is stopped after the class ([#stopApp()] when a class must stop it earlier).
abstract class DesktopAppTest {
  /// Drives the app's windows.
  protected final FxRobot robot = new FxRobot();

  @BeforeAll
  static void registerToolkit() throws Exception {
    Assumptions.assumeFalse(
        GraphicsEnvironment.isHeadless(), "needs a display: scripts/test.sh runs the tests under xvfb-run");
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "false");
    FxToolkit.registerPrimaryStage();
  }

  @AfterAll
  static void stopAppAfterClass() throws Exception {
    stopApp();
  }

  /// Stops the running app, if any.
  protected static void stopApp() throws Exception {
    if (ConveneApp.running().isPresent()) {
      FxToolkit.cleanupApplication(ConveneApp.running().get());
    }
  }

  /// Starts the app against `server` for `account` with the extra command-line `args` (such as
  /// `--audio=headless`), types the account's password and presses Sign in; the caller waits for what follows.
  protected void signIn(URI server, RestFixture.Account account, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--server=" + server, "--user=" + account.username()));
    all.addAll(List.of(args));
    FxToolkit.setupApplication(ConveneApp.class, all.toArray(String[]::new));
    robot.clickOn("#passwordField").write(account.password());
    robot.clickOn("#signInButton");
  }
}
