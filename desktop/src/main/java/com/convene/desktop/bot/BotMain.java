package com.convene.desktop.bot;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallException;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.JoinLink;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.call.WebSocketSignalingChannel;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.signal.ErrorCode;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
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
/// Exit codes: 0 stayed for the whole duration, 1 bad arguments, 2 sign-in or join failed, 3 the call ended
/// early.
public final class BotMain {
  private static final Logger LOG = LoggerFactory.getLogger(BotMain.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

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
      out.println("JOINED meeting=" + joined.meetingId() + " participant=" + joined.participantId()
          + " others=" + joined.participants().size());
    } catch (ExecutionException | CompletionException e) {
      out.println("error: join failed: " + e.getCause().getMessage());
      session.close();
      return 2;
    } catch (TimeoutException e) {
      out.println("error: join timed out after " + JOIN_TIMEOUT.toSeconds() + "s");
      session.close();
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.close();
      return 2;
    }
    long start = System.nanoTime();
    long end = start + options.duration().toNanos();
    long nextReport = start + options.reportEvery().toNanos();
    int exit = 0;
    try {
      while (System.nanoTime() < end) {
        long wait = Math.min(end, nextReport) - System.nanoTime();
        try {
          String reason = session.ended().get(Math.max(1, wait), TimeUnit.NANOSECONDS);
          out.println("ENDED early reason=" + reason);
          exit = 3;
          break;
        } catch (TimeoutException e) {
          // Still in the call.
        } catch (ExecutionException e) {
          exit = 3;
          break;
        }
        if (System.nanoTime() >= nextReport) {
          print(out, "REPORT", start, options.name(), session);
          nextReport += options.reportEvery().toNanos();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    print(out, "FINAL", start, options.name(), session);
    session.close();
    return exit;
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
