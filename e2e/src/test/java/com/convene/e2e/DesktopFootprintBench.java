package com.convene.e2e;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 7, acceptance e — a benchmark harness, not a test: it asserts nothing and is never part of the test run
/// (its name matches neither `*Test` nor `*IT`). It prints the desktop app's cold start (process launch to the
/// sign-in window shown, over 3 launches) and, in a 4-tile call (the app plus three bots sending 640x360 test
/// patterns and tones through the real backend and SFU), the app process's CPU share and resident memory.
///
/// Run inside the test namespace with Xvfb: `CONVENE_TEST_INSTALLERS=0 bash scripts/test.sh -pl e2e
/// -Dtest=DesktopFootprintBench -Dsurefire.failIfNoSpecifiedTests=false`. The app runs as its own JVM
/// (`com.convene.desktop.app.Main`, this JVM's class path, the launcher's `-Xmx512m`), launched the way a user's
/// launcher does, signing in from a password file and joining through a `convene://join/<code>` argument.
@Tag("media")
class DesktopFootprintBench {
  private static final Pattern STARTED = Pattern.compile("Convene desktop started");
  private static final Pattern JOINED = Pattern.compile("Joined meeting \\S+ as participant (\\S+)");
  private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
  /// Length of the measurement in the call, s (`-Dconvene.bench.seconds=120` to watch memory over a longer call).
  private static final int MEASURE_SECONDS = Integer.getInteger("convene.bench.seconds", 20);
  /// The heap cap the installed launcher gives the app (`installers.app.max-heap` in `installers/pom.xml`);
  /// `-Dconvene.bench.app-max-heap=6g` measures another.
  private static final String APP_MAX_HEAP = "512m";

  @Test
  void printsColdStartCpuAndRss() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("BenchHost");
    RestFixture.Account user = rest.newMember("BenchUser");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Footprint", Map.of("waitingRoomEnabled", false));
    Path dir = Files.createDirectories(Path.of("target", "footprint-bench").toAbsolutePath());
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, user.password());

    List<Long> coldStarts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      AppProcess app = AppProcess.launch(dir, backend, user, null, null);
      try {
        app.await(STARTED, 60);
        coldStarts.add((app.lineNanos - app.launchedNanos) / 1_000_000);
      } finally {
        app.stop();
      }
    }

    List<Peer> bots = new ArrayList<>();
    AppProcess app = null;
    try {
      double[] tones = {440, 660, 880};
      for (int i = 0; i < 3; i++) {
        bots.add(Peer.join(backend, i == 0 ? host : rest.newMember("Bot" + (i + 1)), meeting.joinCode(),
            "Bot-" + (i + 1), CallConfig.VideoChoice.PATTERN, tones[i], new CallListener() {}));
      }
      app = AppProcess.launch(dir, backend, user, passwordFile, "convene://join/" + meeting.joinCode());
      Matcher joined = app.await(JOINED, 60);
      String appParticipant = joined.group(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && !bots.stream().allMatch(b -> framesOf(b, appParticipant) > 60)) {
        Thread.sleep(250);
      }
      Thread.sleep(5_000); // let bitrates and the JIT settle
      long framesBefore = framesOf(bots.getFirst(), appParticipant);
      long ticksBefore = cpuTicks(app.pid());
      long from = System.nanoTime();
      long peakRssKib = 0;
      long startRssKib = rssKib(app.pid());
      while (System.nanoTime() - from < TimeUnit.SECONDS.toNanos(MEASURE_SECONDS)) {
        peakRssKib = Math.max(peakRssKib, rssKib(app.pid()));
        Thread.sleep(500);
      }
      double seconds = (System.nanoTime() - from) / 1e9;
      double cpuSeconds = (cpuTicks(app.pid()) - ticksBefore) / (double) CLOCK_TICKS_PER_SECOND;
      double sentFps = (framesOf(bots.getFirst(), appParticipant) - framesBefore) / seconds;
      List<String> received = new ArrayList<>();
      for (Peer bot : bots) {
        received.add(String.format(Locale.ROOT, "%s %d frames", bot.name(), framesOf(bot, appParticipant)));
      }
      System.out.printf(Locale.ROOT, "BENCH desktop cold start (launch to sign-in window), 3 launches: %s ms%n",
          coldStarts);
      System.out.printf(Locale.ROOT, "BENCH desktop in a 4-tile 360p call, %.1f s measured: CPU %.1f %% of one core "
          + "(%.1f %% of this %d-core machine), RSS %d MiB now, %d MiB peak; the bots decoded the app at %.1f fps "
          + "(%s)%n", seconds, 100 * cpuSeconds / seconds, 100 * cpuSeconds / seconds
              / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
          rssKib(app.pid()) / 1024, peakRssKib / 1024, sentFps, String.join(", ", received));
      System.out.printf(Locale.ROOT, "BENCH desktop RSS %d MiB when the measurement started; by kind at the end: %s%n",
          startRssKib / 1024, rssBreakdown(app.pid()));
      nativeMemorySummary(app.pid()).forEach(line -> System.out.println("BENCH desktop NMT " + line));
    } finally {
      if (app != null) {
        app.stop();
      }
      bots.forEach(Peer::close);
    }
  }

  private static long framesOf(Peer bot, String participantId) {
    return bot.stats().stream().filter(s -> s.participantId().equals(participantId))
        .mapToLong(s -> s.framesDecoded()).findFirst().orElse(0);
  }

  /// utime + stime of a process in clock ticks (`/proc/<pid>/stat`, fields 14 and 15).
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /// Anonymous, file-backed and shared resident memory (`RssAnon`, `RssFile`, `RssShmem` of `/proc/<pid>/status`).
  private static String rssBreakdown(long pid) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
        parts.add(line.replaceAll("\\s+", " "));
      }
    }
    return String.join(", ", parts);
  }

  /// The JVM's own accounting (`jcmd <pid> VM.native_memory summary`: total, Java heap, threads, GC, other native)
  /// when the app was started with `-XX:NativeMemoryTracking=summary` (`-Dconvene.bench.nmt=true`); else nothing.
  private static List<String> nativeMemorySummary(long pid) throws IOException, InterruptedException {
    if (!Boolean.getBoolean("convene.bench.nmt")) {
      return List.of();
    }
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return out.lines().filter(l -> l.startsWith("Total:") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
        .map(String::strip).toList();
  }

  /// Resident set size in KiB (`VmRSS` of `/proc/<pid>/status`).
  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /// The app as its own process, its log lines read as they come.
  private static final class AppProcess {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final long launchedNanos;
    long lineNanos;

    private AppProcess(Process process, long launchedNanos) {
      this.process = process;
      this.launchedNanos = launchedNanos;
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = reader.readLine()) != null) {
            lines.add(System.nanoTime() + " " + line);
          }
        } catch (IOException e) {
          // the process ended
        }
      });
    }

    static AppProcess launch(Path dir, E2eBackend backend, RestFixture.Account user, Path passwordFile, String link)
        throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
          "-Xmx" + System.getProperty("convene.bench.app-max-heap", APP_MAX_HEAP),
          Boolean.getBoolean("convene.bench.nmt") ? "-XX:NativeMemoryTracking=summary" : "-Dconvene.bench.nmt=false",
          "-Dconvene.settings.user-dir=" + dir.resolve("settings"),
          "-Dconvene.settings.system-file=" + dir.resolve("no-preset.properties"),
          "-cp", System.getProperty("java.class.path"), "com.convene.desktop.app.Main",
          "--server=" + backend.baseUri(), "--user=" + user.username(), "--audio=headless", "--video=pattern",
          "--tone-hz=550"));
      String extra = System.getProperty("convene.bench.app-jvm-args", "").strip();
      if (!extra.isEmpty()) {
        command.addAll(1, List.of(extra.split("\\s+"))); // JVM options go before the class path and main class
      }
      if (passwordFile != null) {
        command.add("--password-file=" + passwordFile);
      }
      if (link != null) {
        command.add(link);
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(dir.resolve("run")).toString());
      String arenas = System.getProperty("convene.bench.malloc-arena-max");
      if (arenas != null) {
        builder.environment().put("MALLOC_ARENA_MAX", arenas); // glibc: fewer per-thread malloc arenas
      }
      long launched = System.nanoTime();
      return new AppProcess(builder.start(), launched);
    }

    long pid() {
      return process.pid();
    }

    /// Waits for a log line matching `pattern`; returns its match and notes when it came.
    Matcher await(Pattern pattern, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        String stamped = lines.poll(250, TimeUnit.MILLISECONDS);
        if (stamped == null) {
          continue;
        }
        int space = stamped.indexOf(' ');
        Matcher matcher = pattern.matcher(stamped.substring(space + 1));
        if (matcher.find()) {
          lineNanos = Long.parseLong(stamped.substring(0, space));
          return matcher;
        }
      }
      throw new IllegalStateException("the app did not log " + pattern + " within " + seconds + " s");
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }
}
