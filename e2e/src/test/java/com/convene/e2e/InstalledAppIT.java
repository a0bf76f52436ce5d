package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/// Acceptance a and b of issue 7, on the installed package rather than the Maven build: the `.deb` that
/// `mvn -Pinstallers -pl installers -am package` built is installed with `apt-get install ./….deb`; the installed
/// launcher `/opt/convene/bin/Convene` starts under Xvfb, takes the server from the managed preset
/// `/etc/convene/convene.properties` (locked, over a wrong server in the user's file), signs in from a password
/// file in the user's settings and joins the meeting of a `convene://join/<code>` argument, where a bot publishes;
/// then `xdg-open convene://join/<code>` through the installed desktop entry starts it into a second meeting, and a
/// second `xdg-open` with the app running makes the running instance join a third. Screenshots go to `target/`;
/// the package is removed at the end.
///
/// Needs root (apt-get, /etc), a display, and the built `installers/target/installers/convene_*.deb`:
/// `scripts/test.sh` builds it before the namespace when it runs as root and sets `CONVENE_INSTALLERS_BUILT=1`;
/// otherwise this test is skipped (`-Dconvene.test.installers=true` runs it on an existing `.deb`).
@Tag("media")
@Tag("installers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledAppIT {
  private static final Path LAUNCHER = Path.of("/opt/convene/bin/Convene");
  private static final Path PRESET = Path.of("/etc/convene/convene.properties");
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

  private static Path deb;
  private static Path rpm;
  private static Path work;
  private static Path runtimeDir;
  private static Path log;
  private static Path presetBackup;
  private static boolean presetDirCreated;
  private static RestFixture.Account user;
  private static Map<String, String> env;

  @BeforeAll
  static void install() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "installs a package: needs root");
    Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "needs a display: scripts/test.sh runs under xvfb-run");
    Assumptions.assumeTrue("1".equals(System.getenv("CONVENE_INSTALLERS_BUILT"))
        || Boolean.getBoolean("convene.test.installers"), "scripts/test.sh did not build the installers (not root, "
        + "or CONVENE_TEST_INSTALLERS=0); -Dconvene.test.installers=true uses an existing .deb");
    Path installers = Path.of("..", "installers", "target", "installers").toAbsolutePath().normalize();
    deb = find(installers, ".deb").orElse(null);
    rpm = find(installers, ".rpm").orElse(null);
    Assumptions.assumeTrue(deb != null,
        "no .deb in " + installers + ": build it with mvn -Pinstallers -pl installers -am package -DskipTests");

    for (Path p : Stream.of(deb, rpm).filter(java.util.Objects::nonNull).toList()) {
      System.out.printf("E2E installer %s: %,d bytes (%.1f MiB)%n", p.getFileName(), Files.size(p),
          Files.size(p) / 1024.0 / 1024.0);
    }
    if (rpm != null) {
      assertThat(run(Duration.ofSeconds(60), "rpm", "-qpl", rpm.toString())).contains(LAUNCHER.toString());
    }

    run(Duration.ofSeconds(120), "apt-get", "remove", "-y", "-q", "-o", "DPkg::Lock::Timeout=120", "convene");
    long t0 = System.nanoTime();
    run(Duration.ofSeconds(300), "apt-get", "install", "-y", "-q", "--no-install-recommends",
        "-o", "DPkg::Lock::Timeout=120", deb.toString());
    System.out.printf("E2E apt-get install of the .deb: %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    assertThat(LAUNCHER).isExecutable();

    E2eBackend backend = E2eBackend.get();
    user = backend.rest().newMember("Dana");

    // the IT department's preset: the server, locked
    if (Files.exists(PRESET)) {
      presetBackup = Files.createTempFile("convene-preset", ".properties");
      Files.copy(PRESET, presetBackup, StandardCopyOption.REPLACE_EXISTING);
    }
    presetDirCreated = !Files.isDirectory(PRESET.getParent());
    Files.createDirectories(PRESET.getParent());
    Files.writeString(PRESET, "server=" + backend.baseUri() + "\nlocked=server\n");

    // the user's own settings: a wrong server (the lock must win), the account, test media
    work = Path.of("target", "installed-app").toAbsolutePath();
    deleteTree(work);
    Path config = work.resolve("config").resolve("convene");
    Files.createDirectories(config);
    Path passwordFile = config.resolve("password");
    Files.writeString(passwordFile, user.password() + "\n");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(config.resolve("settings.properties"), String.join("\n",
        "server=http://127.0.0.1:9", "user=" + user.username(), "password-file=" + passwordFile,
        "audio=headless", "video=pattern",
        // straight into the call as before the pre-join screen, and no kept sign-in between the test's starts
        "prejoin=false", "stay-signed-in=false", ""));
    runtimeDir = Files.createTempDirectory("cvn"); // short: Unix socket paths
    env = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
        "XDG_STATE_HOME", work.resolve("state").toString(),
        "XDG_RUNTIME_DIR", runtimeDir.toString());
    log = work.resolve("state").resolve("convene").resolve("convene.log");
  }

  @AfterAll
  static void uninstall() throws Exception {
    if (deb == null || !"root".equals(System.getProperty("user.name"))) {
      return;
    }
    stopInstalledApp();
    if (presetBackup != null) {
      Files.move(presetBackup, PRESET, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(PRESET);
      if (presetDirCreated) {
        Files.deleteIfExists(PRESET.getParent());
      }
    }
    run(Duration.ofSeconds(120), "apt-get", "remove", "--purge", "-y", "-q", "-o", "DPkg::Lock::Timeout=120",
        "convene");
    assertThat(LAUNCHER).doesNotExist();
    assertThat(Path.of("/usr/share/applications/convene-Convene.desktop")).doesNotExist();
    if (runtimeDir != null) {
      deleteTree(runtimeDir);
    }
  }

  @Test
  @Order(1)
  void installedLauncherSignsInWithThePresetServerAndJoinsTheLinksMeeting() throws Exception {
    MeetingView meeting = newMeeting("Installed app call");
    try (BotWatch bot = BotWatch.join(meeting)) {
      ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "convene://join/" + meeting.joinCode())
          .redirectErrorStream(true).redirectOutput(work.resolve("launcher-1.out").toFile());
      builder.environment().putAll(env);
      Process app = builder.start();
      awaitJoined(meeting, bot);
      Path shot = screenshot("installed-app-call-window.png");
      System.out.println("E2E installed app call window screenshot: " + shot);
      assertThat(logText()).contains("Signed in to " + E2eBackend.get().baseUri());
      app.destroy();
      assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @Order(2)
  void xdgOpenStartsTheInstalledAppAndTheRunningInstanceTakesTheNextLink() throws Exception {
    assertThat(run(Duration.ofSeconds(30), "xdg-mime", "query", "default", "x-scheme-handler/convene").strip())
        .isEqualTo("convene-Convene.desktop");

    MeetingView first = newMeeting("Opened from a link");
    try (BotWatch bot = BotWatch.join(first)) {
      xdgOpen("convene://join/" + first.joinCode());
      awaitJoined(first, bot);
      screenshot("installed-app-xdg-open.png");
    }
    long pid = runningInstancePid();

    MeetingView second = newMeeting("Handed to the running app");
    try (BotWatch bot = BotWatch.join(second)) {
      xdgOpen("convene://join/" + second.joinCode());
      awaitJoined(second, bot);
      assertThat(logText()).contains("Handed convene://join/" + second.joinCode() + " to the running Convene instance");
      assertThat(runningInstancePid()).isEqualTo(pid);
      screenshot("installed-app-second-link.png");
    }
  }

  // ---- helpers ----

  private static MeetingView newMeeting(String title) {
    RestFixture rest = E2eBackend.get().rest();
    return rest.scheduleMeeting(rest.admin().token(), title);
  }

  /// The app joined `meeting` (its log), receives the bot's video (its log) and the bot receives its video.
  private static void awaitJoined(MeetingView meeting, BotWatch bot) {
    Awaitility.await("installed app joins " + meeting.joinCode()).atMost(JOIN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> logText().contains("Joined meeting " + meeting.id()) && !bot.videoFrom.isEmpty());
    Awaitility.await("installed app receives the bot's video").atMost(Duration.ofSeconds(20)).until(() -> {
      String text = logText();
      return text.indexOf("Receiving video track", text.lastIndexOf("Joined meeting " + meeting.id())) >= 0;
    });
  }

  private static void xdgOpen(String link) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("xdg-open", link).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("xdg-open.out").toFile()));
    builder.environment().putAll(env);
    builder.start(); // xdg-open waits for the app when it starts one; the test watches the log instead
  }

  private static long runningInstancePid() throws IOException {
    return Long.parseLong(Files.readString(runtimeDir.resolve("convene").resolve("instance.lock")).strip());
  }

  /// Stops the instance the test started (its pid from the instance lock file).
  private static void stopInstalledApp() {
    try {
      Optional<ProcessHandle> app = ProcessHandle.of(runningInstancePid());
      if (app.isPresent() && app.get().info().command().orElse("").contains("convene")) {
        app.get().destroy();
        app.get().onExit().get(20, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      System.out.println("E2E installed app already stopped: " + e);
    }
  }

  private static String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /// The whole X screen, as people see it (ffmpeg's x11grab), checked to show more than a blank window.
  private static Path screenshot(String name) throws Exception {
    Path file = Path.of("target", name).toAbsolutePath();
    run(Duration.ofSeconds(30), "ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-i", System.getenv("DISPLAY"),
        "-frames:v", "1", file.toString());
    BufferedImage image = ImageIO.read(file.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as("distinct colours in " + name).hasSizeGreaterThan(50);
    return file;
  }

  private static String run(Duration timeout, String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    boolean mayFail = command[0].equals("apt-get") && command[1].equals("remove");
    if (!mayFail) {
      assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
    return output;
  }

  private static Optional<Path> find(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  /// A bot that publishes a test pattern in the meeting and records who joins and sends it video.
  private static final class BotWatch implements AutoCloseable {
    final Set<String> joined = ConcurrentHashMap.newKeySet();
    final Set<String> videoFrom = ConcurrentHashMap.newKeySet();
    private Peer peer;

    static BotWatch join(MeetingView meeting) throws Exception {
      BotWatch watch = new BotWatch();
      E2eBackend backend = E2eBackend.get();
      watch.peer = Peer.join(backend, backend.rest().admin(), meeting.joinCode(), "PatternBot",
          CallConfig.VideoChoice.PATTERN, 440, new CallListener() {
            @Override
            public void onParticipantJoined(ParticipantInfo participant) {
              watch.joined.add(participant.participantId());
            }

            @Override
            public void onRemoteVideoTrack(String participantId, String trackId, MediaSource source,
                VideoTrack track) {
              watch.videoFrom.add(participantId);
            }
          });
      return watch;
    }

    @Override
    public void close() {
      peer.close();
    }
  }
}
