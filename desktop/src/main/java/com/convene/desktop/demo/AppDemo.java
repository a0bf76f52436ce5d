package com.convene.desktop.demo;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.call.SignedIn;
import com.convene.model.api.MeetingView;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;

/// App mode: one pattern bot (880 Hz tone) joins the demo meeting, then the desktop app opens signed in (from the
/// password file, see [com.convene.desktop.app.AppOptions]) and joined to the same meeting. The demo runs until the
/// window is closed, or for `--duration` when given; then the bot reports what it received from the app.
///
/// Exit codes: 0 the bot decoded video from the app, 2 the bot could not join, 3 it received no video.
final class AppDemo {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private AppDemo() {}

  static int run(DemoOptions options, HttpClient http, SignedIn signedIn, MeetingView meeting, PrintStream out)
      throws InterruptedException {
    try (DemoBot bot = DemoBot.start(http, signedIn, meeting.id().toString(), "Pattern-bot", 880)) {
      try {
        var joined = bot.joined().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        out.printf(Locale.ROOT, "JOINED bot=%s participant=%s%n", bot.name(), joined.participantId());
      } catch (ExecutionException e) {
        out.println("error: " + bot.name() + " could not join: " + e.getCause().getMessage());
        return 2;
      } catch (TimeoutException e) {
        out.println("error: " + bot.name() + " did not join within " + JOIN_TIMEOUT.toSeconds() + "s");
        return 2;
      }
      Duration duration = options.duration();
      out.println(duration == null
          ? "APP opening; close the window to end the demo"
          : "APP opening for " + duration.toSeconds() + "s");
      out.flush();
      if (duration != null) {
        Thread.ofPlatform().daemon().name("demo-timer").start(() -> {
          try {
            Thread.sleep(duration);
            Platform.exit();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      long start = System.nanoTime();
      AtomicReference<List<ParticipantStats>> lastSeen = new AtomicReference<>(List.of());
      Thread reporter = Thread.ofPlatform().daemon().name("demo-report").start(() -> {
        try {
          while (true) {
            Thread.sleep(options.reportEvery());
            List<ParticipantStats> now = bot.stats();
            if (!now.isEmpty()) {
              lastSeen.set(now);
            }
            DemoReport.print(out, "REPORT", (System.nanoTime() - start) / 1e9, bot.name(), now);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      // Blocks until the window closes (or Platform.exit); the app leaves its call in ConveneApp.stop().
      Application.launch(ConveneApp.class, "--server=" + options.server(), "--user=" + options.user(),
          "--password-file=" + options.passwordFile(), meeting.joinLink());
      reporter.interrupt();
      reporter.join();
      // The app has left by now and its entry may be gone, so report the last snapshot that had one.
      List<ParticipantStats> stats = bot.stats().isEmpty() ? lastSeen.get() : bot.stats();
      DemoReport.print(out, "FINAL", (System.nanoTime() - start) / 1e9, bot.name(), stats);
      boolean gotVideo = stats.stream().anyMatch(s -> s.framesDecoded() > 0);
      out.println(gotVideo
          ? "RESULT ok: the bot decoded video from the app"
          : "RESULT failed: the bot decoded no video from the app");
      return gotVideo ? 0 : 3;
    }
  }
}
