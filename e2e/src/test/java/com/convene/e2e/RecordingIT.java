package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.media.RobotScreenCapture;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingTrackView;
import com.convene.model.api.RecordingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.Welcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 6, acceptance a to d: a 30-second call of three real webrtc-java peers (test patterns with a burned-in
/// frame counter, tones of 440, 660 and 880 Hz) recorded by the host through the real SFU. Cy joins 10 s into the
/// recording and Ada shares a real window (a four-colour test card under Xvfb) from 15 s to 20 s.
///
/// - a: every published track is in its own WebM file that ffprobe reads as VP8 or Opus, as long as that track
///   was live (within 1 s), each audio file carrying its publisher's tone;
/// - b: the composed MP4 is H.264 + AAC of the call's length, every frame of the camera grid shows each peer's
///   pattern with the frame counter that peer was sending at that instant (within 0.5 s), and the mix holds
///   every tone;
/// - c: Cy's tile and the screen share (as the large tile) appear and go within 0.5 s of when they did in the call;
/// - d: downloads answer ranges with 206 and the right bytes and refuse a participant of another meeting with 403.
///
/// Size: just over 500 lines because one 30 s call feeds all four checks (a call per check would add minutes to
/// the test command); the frame-counter reading is the part to move into a helper of its own.
@Tag("media")
class RecordingIT {
  private static final long CALL_SECONDS = 30;
  private static final long LATE_JOIN_SECONDS = 10;
  private static final long SHARE_FROM_SECONDS = 15;
  private static final long SHARE_UNTIL_SECONDS = 20;
  private static final double[] TONES = {440, 660, 880};
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 720;
  private static final int FRAME_RATE = 15;
  private static final double PATTERN_FPS = 30;
  private static final double TOLERANCE_SECONDS = 0.5;

  /// Recording announcements one peer received, and when it decoded the first frame of each remote video.
  private static final class RecordingEvents implements CallListener {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
    final Map<String, Long> firstFrameNanos = new ConcurrentHashMap<>();
    volatile long startedNanos;
    volatile long stoppedNanos;
    volatile String recordingId;

    @Override
    public void onRecordingStarted(String id, boolean automatic) {
      startedNanos = System.nanoTime();
      recordingId = id;
      started.countDown();
    }

    @Override
    public void onRecordingStopped(String id, String reason) {
      stoppedNanos = System.nanoTime();
      stopped.countDown();
    }

    @Override
    public void onRemoteVideoTrack(String participantId, String trackId, MediaSource source, VideoTrack track) {
      // runs on a webrtc thread; the sink must never throw
      track.addSink(frame -> {
        firstFrameNanos.putIfAbsent(participantId + "/" + source, System.nanoTime());
        frame.release(); // the sink owns the copy webrtc-java hands it
      });
    }
  }

  /// What each publisher's test pattern showed when: `nanos - counter / 30 s` samples, read by the other peers
  /// from the frames they decoded during the call.
  private static final class PatternClock {
    private final Map<String, List<Long>> originNanos = new ConcurrentHashMap<>();

    void sample(List<Peer> peers) {
      try {
        sampleAll(peers);
      } catch (RuntimeException e) {
        // a peer still joining or already gone: the next sample counts; a thrown task would stop the schedule
      }
    }

    private void sampleAll(List<Peer> peers) {
      for (Peer viewer : peers) {
        for (Peer publisher : peers) {
          if (viewer == publisher) {
            continue;
          }
          long now = System.nanoTime();
          viewer.statsOf(publisher).filter(s -> s.lastPatternCounter() >= 0).ifPresent(s ->
              originNanos.computeIfAbsent(publisher.participantId(), k -> new CopyOnWriteArrayList<>())
                  .add(now - Math.round(s.lastPatternCounter() * 1e9 / PATTERN_FPS)));
        }
      }
    }

    /// The counter `participantId` was sending at `nanos`, from the median of the samples.
    double counterAt(String participantId, long nanos) {
      List<Long> origins = new ArrayList<>(originNanos.getOrDefault(participantId, List.of()));
      assertThat(origins).as("pattern counters seen of %s", participantId).hasSizeGreaterThan(5);
      origins.sort(Long::compare);
      return (nanos - origins.get(origins.size() / 2)) * PATTERN_FPS / 1e9;
    }
  }

  @Test
  void recordsACallWithALateJoinerAndAScreenShareIntoTracksAndOneComposedVideo() throws Exception {
    Assumptions.assumeFalse(
        GraphicsEnvironment.isHeadless(), "needs a display: scripts/test.sh runs the tests under xvfb-run");
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Host");
    RestFixture.Account bo = rest.newMember("Bo");
    MeetingView meeting =
        rest.scheduleMeeting(host.token(), "Recorded call",
            Map.of("recordingEnabled", true, "waitingRoomEnabled", false));

    List<Peer> peers = new CopyOnWriteArrayList<>();
    List<RecordingEvents> events = List.of(new RecordingEvents(), new RecordingEvents(), new RecordingEvents());
    Map<String, Double> toneByParticipant = new HashMap<>();
    PatternClock patterns = new PatternClock();
    RecordingView recording;
    long startNanos;
    long stopNanos;
    long cyFirstFrameNanos;
    long shareFirstFrameNanos;
    long shareStopNanos;
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    try (TestCardWindow card = TestCardWindow.showFullScreen()) {
      peers.add(Peer.join(backend, host, meeting.joinCode(), "Ada", CallConfig.VideoChoice.PATTERN, TONES[0],
          events.get(0)));
      peers.add(Peer.join(backend, bo, meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN, TONES[1],
          events.get(1)));
      Peer ada = peers.get(0);
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> everyoneSeesEveryone(peers));
      sampler.scheduleAtFixedRate(() -> patterns.sample(peers), 0, 200, TimeUnit.MILLISECONDS);

      ada.session().startRecording();
      for (RecordingEvents e : events.subList(0, 2)) {
        assertThat(e.started.await(10, TimeUnit.SECONDS)).as("recording-started reached every peer").isTrue();
      }
      startNanos = events.getFirst().startedNanos;

      sleepUntil(startNanos, LATE_JOIN_SECONDS);
      Peer cy = Peer.join(backend, rest.newMember("Cy"), meeting.joinCode(), "Cy", CallConfig.VideoChoice.PATTERN,
          TONES[2], events.get(2));
      peers.add(cy);
      assertThat(events.get(2).started.await(10, TimeUnit.SECONDS)).as("a late joiner is told too").isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> events.getFirst().firstFrameNanos.containsKey(cy.participantId() + "/CAMERA"));
      cyFirstFrameNanos = events.getFirst().firstFrameNanos.get(cy.participantId() + "/CAMERA");

      sleepUntil(startNanos, SHARE_FROM_SECONDS);
      ScreenInfo screen = ScreenCaptureSource.screens().getFirst();
      ada.session().startScreenShare(new RobotScreenCapture(screen)).get(15, TimeUnit.SECONDS);
      String shareKey = ada.participantId() + "/SCREEN";
      Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> events.get(1).firstFrameNanos.containsKey(shareKey));
      shareFirstFrameNanos = events.get(1).firstFrameNanos.get(shareKey);
      sleepUntil(startNanos, SHARE_UNTIL_SECONDS);
      shareStopNanos = System.nanoTime();
      ada.session().stopScreenShare().get(15, TimeUnit.SECONDS);

      sleepUntil(startNanos, CALL_SECONDS);
      stopNanos = System.nanoTime();
      ada.session().stopRecording();
      for (RecordingEvents e : events) {
        assertThat(e.stopped.await(60, TimeUnit.SECONDS)).as("recording-stopped reached every peer").isTrue();
      }
      for (int i = 0; i < peers.size(); i++) {
        toneByParticipant.put(peers.get(i).participantId(), TONES[i]);
      }
      List<RecordingView> listed = rest.getJson("/api/v1/meetings/" + meeting.id() + "/recordings", host.token(),
          new TypeReference<List<RecordingView>>() {});
      assertThat(listed).hasSize(1);
      recording = listed.getFirst();
      assertThat(recording.id().toString()).isEqualTo(events.getFirst().recordingId);
    } finally {
      sampler.shutdownNow();
      peers.forEach(Peer::close);
    }
    double truthSeconds = seconds(startNanos, stopNanos);
    double cyFrom = seconds(startNanos, cyFirstFrameNanos);
    double shareFrom = seconds(startNanos, shareFirstFrameNanos);
    double shareUntil = seconds(startNanos, shareStopNanos);
    System.out.printf("E2E recording %s: truth %.2f s, Cy first frame at %.2f s, share %.2f-%.2f s%n",
        recording.id(), truthSeconds, cyFrom, shareFrom, shareUntil);

    // a: one VP8 and one Opus file per peer and a VP8 file of the share, each as long as it was live
    assertThat(recording.status()).isIn("processing", "ready"); // the composition runs after the stop
    assertThat(recording.tracks()).hasSize(7);
    Path downloads = Files.createDirectories(Path.of("target", "recording-downloads", recording.id().toString()));
    String adaId = peers.get(0).participantId();
    String cyId = peers.get(2).participantId();
    for (String participantId : toneByParticipant.keySet()) {
      List<RecordingTrackView> own = recording.tracks().stream()
          .filter(t -> t.participantId().toString().equals(participantId)).toList();
      assertThat(own).extracting(RecordingTrackView::source).containsExactlyInAnyOrderElementsOf(
          participantId.equals(adaId) ? List.of("camera", "microphone", "screen") : List.of("camera", "microphone"));
      for (RecordingTrackView track : own) {
        HttpResponse<byte[]> full = rest.get(track.downloadPath(), host.token(), Map.of());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat((long) full.body().length).isEqualTo(track.sizeBytes());
        Path file = downloads.resolve(track.id() + ".webm");
        Files.write(file, full.body());
        JsonNode probe = MediaProbe.probe(file);
        JsonNode stream = probe.path("streams").get(0);
        // files are stamped on the recording's timeline (decision 050): a late track starts late
        double start = probe.path("format").path("start_time").asDouble();
        double duration = probe.path("format").path("duration").asDouble() - start;
        double live = track.source().equals("screen") ? shareUntil - shareFrom
            : participantId.equals(cyId) ? truthSeconds - cyFrom : truthSeconds;
        String expectedCodec = track.kind().equals("audio") ? "opus" : "vp8";
        System.out.printf("E2E track %s %s %s: codec=%s duration=%.3f s (live %.3f s) from %.3f s (row %d ms) "
            + "size=%d B%n", participantId.substring(0, 8), track.source(), track.kind(),
            stream.path("codec_name").asText(), duration, live, start, track.startOffsetMs(), track.sizeBytes());
        assertThat(stream.path("codec_name").asText()).isEqualTo(expectedCodec);
        assertThat(track.codec()).isEqualTo(expectedCodec);
        assertThat(probe.path("format").path("format_name").asText()).contains("webm");
        assertThat(duration).isCloseTo(live, Offset.offset(1.0));
        if (track.kind().equals("audio")) {
          double[] powers = MediaProbe.tonePowers(file, TONES);
          double expected = toneByParticipant.get(participantId);
          int strongest = 0;
          for (int i = 1; i < powers.length; i++) {
            strongest = powers[i] > powers[strongest] ? i : strongest;
          }
          System.out.printf("E2E tone powers of %s (expects %.0f Hz): %s%n", participantId.substring(0, 8),
              expected, Arrays.toString(powers));
          assertThat(TONES[strongest]).isEqualTo(expected);
        } else {
          assertThat(stream.path("width").asInt()).isPositive();
          assertThat(stream.path("height").asInt()).isPositive();
        }
      }
    }

    // b: the composed MP4 (H.264 + AAC) holds the whole call and every tone
    String recordingPath = "/api/v1/recordings/" + recording.id();
    RecordingView composed = Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
        .until(() -> rest.getJson(recordingPath, host.token(), new TypeReference<RecordingView>() {}),
            r -> !r.status().equals("processing"));
    assertThat(composed.status()).isEqualTo("ready");
    assertThat(composed.downloadPath()).isEqualTo(recordingPath + "/download");
    HttpResponse<byte[]> mp4 = rest.get(composed.downloadPath(), host.token(), Map.of());
    assertThat(mp4.statusCode()).isEqualTo(200);
    Path composedFile = downloads.resolve("composed.mp4");
    Files.write(composedFile, mp4.body());
    JsonNode composedProbe = MediaProbe.probe(composedFile);
    List<String> codecs = new ArrayList<>();
    composedProbe.path("streams").forEach(s -> codecs.add(s.path("codec_name").asText()));
    double composedSeconds = composedProbe.path("format").path("duration").asDouble();
    double[] mixedTones = MediaProbe.tonePowers(composedFile, 12, 15, TONES);
    System.out.printf("E2E composed MP4: codecs=%s duration=%.3f s (truth %.3f s) size=%d B tone powers 12-27 s=%s%n",
        codecs, composedSeconds, truthSeconds, mp4.body().length, Arrays.toString(mixedTones));
    assertThat(codecs).containsExactlyInAnyOrder("h264", "aac");
    assertThat(composedSeconds).isCloseTo(truthSeconds, Offset.offset(1.0));
    for (double power : mixedTones) {
      // a tone gives ~2,700 over 15 s; a torn waveform (frames misplaced by samples) drops far below
      assertThat(power).isGreaterThan(1_000);
    }

    // b, c: frame by frame, who is on screen, and whether each tile shows what its peer sent at that instant
    Map<String, List<Double>> counterErrors = new HashMap<>();
    List<Double> cyOnScreen = new ArrayList<>();
    List<Double> shareOnScreen = new ArrayList<>();
    List<String> ids = peers.stream().map(Peer::participantId).toList();
    int frames = ComposedVideo.read(composedFile, WIDTH, HEIGHT, FRAME_RATE, picture -> {
      long at = startNanos + Math.round(picture.seconds() * 1e9);
      if (showsTestCard(picture)) {
        shareOnScreen.add(picture.seconds());
        return;
      }
      boolean threeTiles = meanBrightness(picture, 400, 600, 880, 700) > 20; // bottom row of the 2x2 grid
      if (threeTiles) {
        cyOnScreen.add(picture.seconds());
      }
      int[][] tiles = threeTiles ? new int[][] {{0, 0}, {640, 0}, {320, 360}} : new int[][] {{0, 180}, {640, 180}};
      List<String> candidates = threeTiles ? ids : ids.subList(0, 2);
      int[] counters = new int[tiles.length];
      for (int t = 0; t < tiles.length; t++) {
        counters[t] = picture.counterInTile(tiles[t][0], tiles[t][1], 640, 360); // -1: blurred, skipped
      }
      // Which peer is in which tile: the assignment (one peer per tile) whose counters fit best. Peers that
      // started a moment apart send close counters, so tiles are matched together, not one by one.
      List<String> best = null;
      double bestTotal = Double.MAX_VALUE;
      for (List<String> order : permutations(candidates)) {
        double total = 0;
        for (int t = 0; t < tiles.length; t++) {
          if (counters[t] >= 0) {
            total += Math.abs(counters[t] - patterns.counterAt(order.get(t), at)) / PATTERN_FPS;
          }
        }
        if (total < bestTotal) {
          bestTotal = total;
          best = order;
        }
      }
      for (int t = 0; t < tiles.length; t++) {
        if (counters[t] >= 0) {
          counterErrors.computeIfAbsent(best.get(t), k -> new ArrayList<>())
              .add(Math.abs(counters[t] - patterns.counterAt(best.get(t), at)) / PATTERN_FPS);
        }
      }
    });
    double cyAppears = cyOnScreen.isEmpty() ? -1 : cyOnScreen.getFirst();
    double shareStarts = shareOnScreen.isEmpty() ? -1 : shareOnScreen.getFirst();
    double shareEnds = shareOnScreen.isEmpty() ? -1 : shareOnScreen.getLast() + 1.0 / FRAME_RATE;
    System.out.printf("E2E composition: %d frames; Cy on screen from %.2f s (call %.2f s); share %.2f-%.2f s "
        + "(call %.2f-%.2f s)%n", frames, cyAppears, cyFrom, shareStarts, shareEnds, shareFrom, shareUntil);
    for (String id : ids) {
      List<Double> errors = counterErrors.getOrDefault(id, List.of());
      DoubleSummaryStatistics stats = errors.stream().mapToDouble(Double::doubleValue).summaryStatistics();
      System.out.printf("E2E tile of %s: %d counters read, offset from the call mean %.3f s, max %.3f s%n",
          id.substring(0, 8), errors.size(), stats.getAverage(), stats.getMax());
      assertThat(errors).as("frames whose counter was read in the tile of %s", id).hasSizeGreaterThan(30);
      assertThat(stats.getMax()).as("tile of %s shows what was sent at that instant", id)
          .isLessThanOrEqualTo(TOLERANCE_SECONDS);
    }
    // Cy's tile appears when the server began recording Cy's camera (the track's row), which is before Ada's app
    // decoded Cy's first frame (cyFrom: join, key frame and decode latency, 0.02-0.65 s measured)
    double cyRecordedFrom = recording.tracks().stream()
        .filter(t -> t.participantId().toString().equals(cyId) && t.source().equals("camera"))
        .findFirst().orElseThrow().startOffsetMs() / 1000.0;
    assertThat(cyRecordedFrom).isLessThanOrEqualTo(cyFrom + 0.1);
    assertThat(cyAppears).isCloseTo(cyRecordedFrom, Offset.offset(TOLERANCE_SECONDS));
    assertThat(cyOnScreen.getLast()).isGreaterThan(truthSeconds - 1);
    assertThat(shareStarts).isCloseTo(shareFrom, Offset.offset(TOLERANCE_SECONDS));
    assertThat(shareEnds).isCloseTo(shareUntil, Offset.offset(TOLERANCE_SECONDS));
    assertThat(shareOnScreen.size() / (double) FRAME_RATE).isCloseTo(shareUntil - shareFrom, Offset.offset(0.5));

    // d: a range request returns 206 with exactly those bytes; outside the file, 416
    RecordingTrackView video = recording.tracks().stream().filter(t -> t.kind().equals("video")).findFirst()
        .orElseThrow();
    byte[] whole = Files.readAllBytes(downloads.resolve(video.id() + ".webm"));
    HttpResponse<byte[]> partial = rest.get(video.downloadPath(), host.token(), Map.of("Range", "bytes=100-1099"));
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + whole.length);
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 1100));
    HttpResponse<byte[]> tail = rest.get(video.downloadPath(), host.token(), Map.of("Range", "bytes=-500"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 500, whole.length));
    HttpResponse<byte[]> beyond =
        rest.get(video.downloadPath(), host.token(), Map.of("Range", "bytes=" + whole.length + "-"));
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);

    // d: a participant of another meeting gets 403; this meeting's participants only once visibility allows
    RestFixture.Account outsider = rest.newMember("Dee");
    MeetingView other =
        rest.scheduleMeeting(outsider.token(), "Another meeting", Map.of("waitingRoomEnabled", false));
    joinAndLeaveOverSignaling(backend, outsider.token(), other.joinCode());
    HttpResponse<byte[]> refused = rest.get(video.downloadPath(), outsider.token(), Map.of());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(rest.problemType(refused.body())).isEqualTo("urn:convene:problem:forbidden");
    assertThat(rest.get(video.downloadPath(), bo.token(), Map.of()).statusCode()).isEqualTo(403); // private
    rest.patch("/api/v1/recordings/" + recording.id(), Map.of("visibility", "participants"), host.token(),
        RecordingView.class);
    assertThat(rest.get(video.downloadPath(), bo.token(), Map.of()).statusCode()).isEqualTo(200);
    assertThat(rest.get(video.downloadPath(), outsider.token(), Map.of()).statusCode()).isEqualTo(403);
  }

  /// Whether the large tile shows the four-colour test card: a 1280x800 screen fitted into the 960x720 share
  /// tile is 960x600 from y = 60, so its quadrants centre on x 240/720 and y 210/510.
  private static boolean showsTestCard(ComposedVideo.Picture picture) {
    return picture.looksLike(240, 210, TestCardWindow.QUADRANTS[0], 70)
        && picture.looksLike(720, 210, TestCardWindow.QUADRANTS[1], 70)
        && picture.looksLike(240, 510, TestCardWindow.QUADRANTS[2], 70)
        && picture.looksLike(720, 510, TestCardWindow.QUADRANTS[3], 70);
  }

  private static double meanBrightness(ComposedVideo.Picture picture, int x0, int y0, int x1, int y1) {
    long sum = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int at = (y * picture.width() + x) * 3;
        sum += (picture.rgb()[at] & 0xFF) + (picture.rgb()[at + 1] & 0xFF) + (picture.rgb()[at + 2] & 0xFF);
      }
    }
    return sum / (3.0 * (x1 - x0) * (y1 - y0));
  }

  /// Every order of `items` (2 or 3 here).
  private static List<List<String>> permutations(List<String> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<String>> out = new ArrayList<>();
    for (String first : items) {
      List<String> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<String> tail : permutations(rest)) {
        List<String> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        out.add(order);
      }
    }
    return out;
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  private static void sleepUntil(long startNanos, long seconds) throws InterruptedException {
    long remaining = startNanos + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  private static boolean everyoneSeesEveryone(List<Peer> peers) {
    for (Peer p : peers) {
      for (Peer other : peers) {
        if (p != other && p.statsOf(other).map(s -> s.framesDecoded() < 30).orElse(true)) {
          return false;
        }
      }
    }
    return true;
  }

  /// Joins a meeting over a bare signaling WebSocket (no media), so the user has a `meeting_participants` row
  /// there, then disconnects.
  private static void joinAndLeaveOverSignaling(E2eBackend backend, String token, String joinCode)
      throws Exception {
    SignalCodec codec = new SignalCodec();
    LinkedBlockingQueue<Signal> received = new LinkedBlockingQueue<>();
    URI ws = URI.create("ws://" + E2eBackend.ADDRESS + ":" + backend.baseUri().getPort() + "/ws/signaling");
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(ws, new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              try {
                received.add(codec.decode(text.toString()));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              text.setLength(0);
            }
            w.request(1);
            return null;
          }
        })
        .get(5, TimeUnit.SECONDS);
    try {
      socket.sendText(codec.encode(new Hello(Hello.PROTOCOL_VERSION, "e2e-outsider")), true).get(5, TimeUnit.SECONDS);
      assertThat(received.poll(5, TimeUnit.SECONDS)).isInstanceOf(Welcome.class);
      socket.sendText(codec.encode(new JoinRequest("j1", joinCode, "Dee", true, true)), true)
          .get(5, TimeUnit.SECONDS);
      assertThat(received.poll(5, TimeUnit.SECONDS)).isInstanceOf(Joined.class);
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
  }
}
