package com.convene.desktop.bot;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallException;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.JoinLink;
import com.convene.desktop.call.RetryDelays;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.call.WebSocketSignalingChannel;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.signal.ErrorCode;
import io.github.resilience4j.core.IntervalFunction;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Command-line bot: signs in over REST, joins a meeting, publishes a test pattern (or screen, or Y4M file)
/// and a tone, and prints a `REPORT` line per remote participant every `--report-every` and a `FINAL` line
/// per participant when `--duration` is over. Always uses headless audio.
///
/// When the call ends for a reason a new join can fix ([#REJOINABLE]: the backend restarted, the media path failed,
/// signaling stayed down), the bot joins again by itself, prints `REJOINING reason=…` and `REJOINED …`, and goes on
/// reporting (issue 12).
///
/// Exit codes: 0 stayed for the whole duration, 1 bad arguments, 2 sign-in or join failed, 3 the call ended
/// early (and could not be joined again).
public final class BotMain {
  private static final Logger LOG = LoggerFactory.getLogger(BotMain.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
  /// End reasons a new join can fix: the media path failed, the server no longer knows the participant (it
  /// restarted, or the resume grace ran out), or signaling stayed down for a minute.
  static final Set<String> REJOINABLE = Set.of("media-failed", "resume-refused", "connection-lost");
  /// Most automatic rejoins in one run.
  static final int MAX_REJOINS = 20;
  /// Waits between rejoin attempts: the app's reconnect delays (from 250 ms, jittered, never over 1 s).
  private static final IntervalFunction RETRY_DELAYS = RetryDelays.RECONNECT;

  private BotMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /// Runs the bot and returns its exit code; report lines go to `out`. Blocks for `--duration`.
  public static int run(String[] args, PrintStream out) {
    BotOptions options;
    try {
      options = BotOptions.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      out.println(BotOptions.USAGE);
      return 1;
    }
    String meeting = JoinLink.parse(options.meeting()).orElse(options.meeting());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ConveneApiClient api = new ConveneApiClient(http, options.server());
    SignedIn signedIn;
    try {
      signedIn = api.login(options.user(), options.password());
    } catch (CallException e) {
      out.println("error: sign-in failed: " + e.getMessage());
      return 2;
    }
    CallConfig config;
    try {
      config = callConfig(options, meeting);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
    try (MediaEngine engine = MediaEngine.create(AudioMode.HEADLESS)) {
      return stayInCall(options, config, engine, signedIn, http, out);
    }
  }

  private static int stayInCall(BotOptions options, CallConfig config, MediaEngine engine, SignedIn signedIn,
      HttpClient http, PrintStream out) {
    CallSession session;
    try {
      session = join(config, engine, signedIn, http, out, "JOINED");
    } catch (CallException e) {
      out.println("error: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      // stopped: the flag stays clear so that the media engine closes completely (libwebrtc aborts the JVM when
      // its factory is disposed under live connections); the bot ends right after
      return 2;
    }
    long start = System.nanoTime();
    long end = start + options.duration().toNanos();
    long nextReport = start + options.reportEvery().toNanos();
    int exit = 0;
    int rejoins = 0;
    try {
      while (System.nanoTime() < end) {
        long wait = Math.min(end, nextReport) - System.nanoTime();
        String reason = null;
        try {
          reason = session.ended().get(Math.max(1, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // Still in the call.
        } catch (ExecutionException e) {
          reason = "error";
        }
        if (reason != null) {
          if (!REJOINABLE.contains(reason) || rejoins >= MAX_REJOINS) {
            out.println("ENDED early reason=" + reason);
            exit = 3;
            break;
          }
          out.println("REJOINING reason=" + reason);
          session.close();
          Optional<CallSession> again = rejoin(config, engine, signedIn, http, out, end);
          if (again.isEmpty()) {
            out.println("ENDED early reason=" + reason + " (rejoin failed)");
            exit = 3;
            break;
          }
          session = again.get();
          rejoins++;
        }
        if (System.nanoTime() >= nextReport) {
          print(out, "REPORT", start, options.name(), session);
          nextReport += options.reportEvery().toNanos();
        }
      }
    } catch (InterruptedException e) {
      // stopped early: report and close (the flag stays clear, see above)
      LOG.info("Bot interrupted; leaving");
    }
    print(out, "FINAL", start, options.name(), session);
    session.close();
    return exit;
  }

  /// Joins again after a call ended for a reason a new join can fix, retrying with [#RETRY_DELAYS] (a server that
  /// restarts answers after a while) until `endNanos`.
  private static Optional<CallSession> rejoin(CallConfig config, MediaEngine engine, SignedIn signedIn,
      HttpClient http, PrintStream out, long endNanos) throws InterruptedException {
    for (int attempt = 1; System.nanoTime() < endNanos; attempt++) {
      try {
        return Optional.of(join(config, engine, signedIn, http, out, "REJOINED"));
      } catch (CallException e) {
        LOG.info("Rejoin attempt {} failed: {}", attempt, e.getMessage());
        long delay = Math.min(RETRY_DELAYS.apply(attempt),
            TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
        if (delay > 0) {
          Thread.sleep(delay); // the bot's own main thread, between attempts
        }
      }
    }
    return Optional.empty();
  }

  /// Starts a call and waits until it is joined; prints `<label> meeting=… participant=… others=…`.
  ///
  /// @throws CallException when the join failed or took longer than [#JOIN_TIMEOUT]
  private static CallSession join(CallConfig config, MediaEngine engine, SignedIn signedIn, HttpClient http,
      PrintStream out, String label) throws CallException, InterruptedException {
    CallSession session = CallSession.start(config, engine,
        WebSocketSignalingChannel.connector(http, signedIn.serverUrl(), signedIn.accessToken()),
        new CallListener() {
          @Override
          public void onError(ErrorCode code, String message) {
            LOG.warn("Server error {}: {}", code, message);
          }
        });
    try {
      var joined = session.joined().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      out.println(label + " meeting=" + joined.meetingId() + " participant=" + joined.participantId()
          + " others=" + joined.participants().size());
      out.flush();
      return session;
    } catch (ExecutionException | CompletionException e) {
      session.close();
      throw new CallException("join failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      session.close();
      throw new CallException("join timed out after " + JOIN_TIMEOUT.toSeconds() + "s", e);
    } catch (InterruptedException e) {
      session.close();
      throw e;
    }
  }

  private static void print(PrintStream out, String kind, long startNanos, String botName, CallSession session) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    List<String> lines = BotReport.lines(kind, elapsed, botName, session.stats());
    lines.forEach(out::println);
    out.flush();
  }

  static CallConfig callConfig(BotOptions options, String meeting) {
    CallConfig.VideoChoice video = switch (options.source()) {
      case "screen" -> CallConfig.VideoChoice.SCREEN;
      case "file" -> CallConfig.VideoChoice.FILE;
      default -> CallConfig.VideoChoice.PATTERN;
    };
    ScreenInfo screen = null;
    if (video == CallConfig.VideoChoice.SCREEN) {
      List<ScreenInfo> screens = ScreenCaptureSource.screens();
      if (screens.isEmpty()) {
        throw new IllegalArgumentException("--source screen needs a display (set DISPLAY)");
      }
      screen = screens.getFirst();
    }
    CallConfig.AudioChoice audio = options.toneHz() == 0 ? CallConfig.AudioChoice.NONE : CallConfig.AudioChoice.TONE;
    return new CallConfig(meeting, options.name(), CallConfig.CLIENT_NAME, audio, options.toneHz(), video,
        options.file(), screen, false, false);
  }
}
