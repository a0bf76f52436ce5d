package com.convene.desktop.demo;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.SignedIn;
import com.convene.model.api.MeetingView;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/// Entry point of `scripts/run.sh`'s demo (started by `scripts/demo.sh` once the backend is healthy): signs in,
/// schedules a demo meeting, then runs [BotsDemo] (`--mode bots`) or [AppDemo] (`--mode app`).
///
/// The password comes from `--password-file` (first line), never from the command line. Report lines go to
/// standard output; logs go wherever logback sends them (standard error by default).
///
/// Exit codes: 0 success, 1 bad arguments, 2 sign-in, scheduling or join failed, 3 media missing or the call
/// ended early.
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) throws InterruptedException {
    int code = run(args, System.out);
    System.out.flush();
    System.err.flush();
    // libwebrtc and JavaFX leave non-daemon threads behind; everything was closed in run().
    System.exit(code);
  }

  /// Runs the demo and returns its exit code; report lines go to `out`. Blocks for the whole call.
  public static int run(String[] args, PrintStream out) throws InterruptedException {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      out.println(DemoOptions.USAGE);
      return 1;
    }
    String password;
    try {
      password = Files.readAllLines(options.passwordFile(), StandardCharsets.UTF_8).stream()
          .findFirst().orElse("").strip();
    } catch (IOException e) {
      out.println("error: cannot read password file " + options.passwordFile() + ": " + e.getMessage());
      return 1;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    SignedIn signedIn;
    MeetingView meeting;
    try {
      signedIn = new ConveneApiClient(http, options.server()).login(options.user(), password);
      String title = "Convene demo " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm"));
      meeting = new DemoMeetings(http).schedule(signedIn, title);
    } catch (CallException e) {
      out.println("error: " + e.getMessage());
      if ("urn:convene:problem:invalid-credentials".equals(e.problemType())) {
        out.println("hint: the database holds an admin whose password is not the one in " + options.passwordFile()
            + "; put the right one there, or delete that directory to start over");
      }
      return 2;
    }
    out.printf("SIGNED-IN user=%s server=%s%n", options.user(), options.server());
    out.printf("MEETING title=\"%s\" code=%s link=%s%n", meeting.title(), meeting.joinCode(), meeting.joinLink());
    out.flush();
    return switch (options.mode()) {
      case BOTS -> BotsDemo.run(options, http, signedIn, meeting, out);
      case APP -> AppDemo.run(options, http, signedIn, meeting, out);
    };
  }
}
