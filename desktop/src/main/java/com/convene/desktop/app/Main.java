package com.convene.desktop.app;

import com.convene.desktop.app.instance.DeepLink;
import com.convene.desktop.app.instance.SingleInstance;
import com.convene.desktop.app.settings.ConfigLocations;
import java.awt.Desktop;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Plain `main` of the installed launcher and of class-path launches (`java -cp … com.convene.desktop.app.Main`,
/// `mvn exec:java`): JavaFX refuses to start an `Application` subclass directly as the main class when it is not
/// on the module path.
///
/// Before the window opens it makes this process the user's only Convene: when another one runs, the meeting
/// link of this launch (`convene://join/<code>`, from a clicked link) goes to it and this process exits
/// (docs/decisions/071). `--new-instance` skips that (several test apps side by side).
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ConfigLocations where = ConfigLocations.current();
    if (System.getProperty("convene.log.dir") == null) {
      System.setProperty("convene.log.dir", where.logDir().toString()); // read by the installed logback.xml
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    List<String> arguments = List.of(args);
    Optional<String> link = DeepLink.find(arguments);
    SingleInstance instance = null;
    if (!arguments.contains("--new-instance")) {
      try {
        SingleInstance.Claim claim = SingleInstance.claim(where.runtimeDir(), link, ConveneApp::openLinkLater,
            ConveneApp::activateLater, Duration.ofSeconds(10));
        switch (claim) {
          case SingleInstance.HandedOff handedOff -> {
            return;
          }
          case SingleInstance.Alone alone -> log.warn("Starting a second instance: {}", alone.reason());
          case SingleInstance.Primary primary -> instance = primary.instance();
        }
      } catch (IOException e) {
        log.warn("No single-instance channel in {}: {}", where.runtimeDir(), e.toString());
      }
    }
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
      // macOS passes a clicked link as an Apple event, not as an argument
      Desktop.getDesktop().setOpenURIHandler(
          event -> DeepLink.parse(event.getURI().toString()).ifPresent(ConveneApp::openLinkLater));
    }
    try {
      Application.launch(ConveneApp.class, args);
    } finally {
      if (instance != null) {
        try {
          instance.close();
        } catch (IOException e) {
          log.debug("Closing the instance channel: {}", e.toString());
        }
      }
    }
  }
}
