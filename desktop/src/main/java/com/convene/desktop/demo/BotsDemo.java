package com.convene.desktop.demo;

import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.call.SignedIn;
import com.convene.model.api.MeetingView;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/// Bots mode: three [DemoBot]s (tones of 440, 660 and 880 Hz) meet through the SFU for the call duration; each
/// prints what it receives every `reportEvery` and once more at the end.
///
/// Exit codes: 0 every bot decoded video from every other bot, 2 a bot could not join, 3 media was missing or a
/// bot's call ended early.
final class BotsDemo {
  private static final double[] TONES_HZ = {440, 660, 880};
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private BotsDemo() {}

  static int run(DemoOptions options, HttpClient http, SignedIn signedIn, MeetingView meeting, PrintStream out)
      throws InterruptedException {
    List<DemoBot> bots = new ArrayList<>();
    try {
      for (int i = 0; i < TONES_HZ.length; i++) {
        bots.add(DemoBot.start(http, signedIn, meeting.id().toString(), "Bot-" + (i + 1), TONES_HZ[i]));
      }
      for (DemoBot bot : bots) {
        try {
          var joined = bot.joined().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          out.printf(Locale.ROOT, "JOINED bot=%s participant=%s others_present=%d%n", bot.name(),
              joined.participantId(), joined.participants().size());
        } catch (ExecutionException e) {
          out.println("error: " + bot.name() + " could not join: " + e.getCause().getMessage());
          return 2;
        } catch (TimeoutException e) {
          out.println("error: " + bot.name() + " did not join within " + JOIN_TIMEOUT.toSeconds() + "s");
          return 2;
        }
      }
      out.flush();
      String endedEarly = stayInCall(options, bots, out);
      return summarize(bots, endedEarly, out);
    } finally {
      closeAll(bots);
    }
  }

  /// Reports periodically until the duration is over; returns the first early end as `name (reason)`, or `null`.
  private static @Nullable String stayInCall(DemoOptions options, List<DemoBot> bots, PrintStream out)
      throws InterruptedException {
    Duration duration = options.duration() == null ? DemoOptions.DEFAULT_BOTS_DURATION : options.duration();
    CompletableFuture<Object> anyEnded = CompletableFuture.anyOf(
        bots.stream().map(b -> b.ended().thenApply(reason -> (Object) (b.name() + " (" + reason + ")")))
            .toArray(CompletableFuture[]::new));
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long nextReport = start + options.reportEvery().toNanos();
    while (System.nanoTime() < end) {
      long wait = Math.min(end, nextReport) - System.nanoTime();
      try {
        return String.valueOf(anyEnded.get(Math.max(1, wait), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        // Everyone is still in the call.
      } catch (ExecutionException e) {
        return "a bot (" + e.getCause() + ")";
      }
      if (System.nanoTime() >= nextReport && System.nanoTime() < end) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (DemoBot bot : bots) {
          DemoReport.print(out, "REPORT", elapsed, bot.name(), bot.stats());
        }
        nextReport += options.reportEvery().toNanos();
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (DemoBot bot : bots) {
      DemoReport.print(out, "FINAL", elapsed, bot.name(), bot.stats());
    }
    return null;
  }

  private static int summarize(List<DemoBot> bots, @Nullable String endedEarly, PrintStream out) {
    if (endedEarly != null) {
      out.println("RESULT failed: the call ended early for " + endedEarly);
      return 3;
    }
    List<String> missing = new ArrayList<>();
    for (DemoBot receiver : bots) {
      for (DemoBot sender : bots) {
        if (receiver == sender) {
          continue;
        }
        Optional<String> senderId = sender.participantId();
        long frames = receiver.stats().stream()
            .filter(s -> senderId.isPresent() && s.participantId().equals(senderId.get()))
            .mapToLong(ParticipantStats::framesDecoded).sum();
        if (frames == 0) {
          missing.add(receiver.name() + "<-" + sender.name());
        }
      }
    }
    if (missing.isEmpty()) {
      out.printf(Locale.ROOT, "RESULT ok: each of %d bots decoded video from every other bot%n", bots.size());
      return 0;
    }
    out.println("RESULT failed: no video decoded for " + String.join(", ", missing));
    return 3;
  }

  /// Leaves with all bots at once so the slowest leave, not their sum, bounds the shutdown.
  private static void closeAll(List<DemoBot> bots) {
    List<Thread> closers = bots.stream()
        .map(bot -> Thread.ofPlatform().name("close-" + bot.name()).start(bot::close))
        .toList();
    for (Thread closer : closers) {
      try {
        closer.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
