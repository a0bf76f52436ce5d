package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingTrackView;
import com.convene.model.api.RecordingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.Welcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 6, acceptance a and d: a 30-second call of three real webrtc-java peers (test patterns with a burned-in
/// frame counter, tones of 440, 660 and 880 Hz) is recorded by the host through the real SFU; every published
/// track ends up in its own WebM file that ffprobe reads as VP8 or Opus with the call's duration (within 1 s),
/// and each audio file carries its publisher's tone. Downloads answer ranges with 206 and the right bytes, and
/// refuse a participant of another meeting with 403.
@Tag("media")
class RecordingIT {
  private static final long CALL_SECONDS = 30;
  private static final double[] TONES = {440, 660, 880};

  /// Recording announcements one peer received.
  private static final class RecordingEvents implements CallListener {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
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
  }

  @Test
  void recordsEveryTrackOfAThreePeerCallIntoItsOwnWebmFile() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Host");
    RestFixture.Account bo = rest.newMember("Bo");
    MeetingView meeting =
        rest.scheduleMeeting(host.token(), "Recorded call",
            Map.of("recordingEnabled", true, "waitingRoomEnabled", false));

    List<Peer> peers = new ArrayList<>();
    List<RecordingEvents> events = List.of(new RecordingEvents(), new RecordingEvents(), new RecordingEvents());
    Map<String, Double> toneByParticipant = new HashMap<>();
    RecordingView recording;
    double truthSeconds;
    try {
      peers.add(Peer.join(backend, host, meeting.joinCode(), "Ada", CallConfig.VideoChoice.PATTERN, TONES[0],
          events.get(0)));
      peers.add(Peer.join(backend, bo, meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN, TONES[1],
          events.get(1)));
      peers.add(Peer.join(backend, rest.newMember("Cy"), meeting.joinCode(), "Cy", CallConfig.VideoChoice.PATTERN,
          TONES[2], events.get(2)));
      for (int i = 0; i < peers.size(); i++) {
        toneByParticipant.put(peers.get(i).participantId(), TONES[i]);
      }
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> everyoneSeesEveryone(peers));

      peers.getFirst().session().startRecording();
      for (RecordingEvents e : events) {
        assertThat(e.started.await(10, TimeUnit.SECONDS)).as("recording-started reached every peer").isTrue();
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(CALL_SECONDS)); // the call being recorded
      peers.getFirst().session().stopRecording();
      for (RecordingEvents e : events) {
        assertThat(e.stopped.await(60, TimeUnit.SECONDS)).as("recording-stopped reached every peer").isTrue();
      }
      RecordingEvents hostEvents = events.getFirst();
      truthSeconds = (hostEvents.stoppedNanos - hostEvents.startedNanos) / 1e9;
      List<RecordingView> listed = rest.getJson("/api/v1/meetings/" + meeting.id() + "/recordings", host.token(),
          new TypeReference<List<RecordingView>>() {});
      assertThat(listed).hasSize(1);
      recording = listed.getFirst();
      assertThat(recording.id().toString()).isEqualTo(hostEvents.recordingId);
    } finally {
      peers.forEach(Peer::close);
    }

    // a: one VP8 and one Opus file per peer, each as long as the recorded call
    assertThat(recording.status()).isIn("processing", "ready"); // the composition runs after the stop
    assertThat(recording.tracks()).hasSize(6);
    System.out.printf("E2E recording %s: truth %.2f s, recorded duration %d s, %d bytes in %d files%n",
        recording.id(), truthSeconds, recording.durationSeconds(), recording.fileSizeBytes(),
        recording.tracks().size());
    Path downloads = Files.createDirectories(Path.of("target", "recording-downloads", recording.id().toString()));
    for (String participantId : toneByParticipant.keySet()) {
      List<RecordingTrackView> own = recording.tracks().stream()
          .filter(t -> t.participantId().toString().equals(participantId)).toList();
      assertThat(own).extracting(RecordingTrackView::kind).containsExactlyInAnyOrder("audio", "video");
      for (RecordingTrackView track : own) {
        HttpResponse<byte[]> full = rest.get(track.downloadPath(), host.token(), Map.of());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat((long) full.body().length).isEqualTo(track.sizeBytes());
        Path file = downloads.resolve(track.id() + ".webm");
        Files.write(file, full.body());
        JsonNode probe = MediaProbe.probe(file);
        JsonNode stream = probe.path("streams").get(0);
        double duration = probe.path("format").path("duration").asDouble();
        String expectedCodec = track.kind().equals("audio") ? "opus" : "vp8";
        System.out.printf("E2E track %s %s %s: codec=%s duration=%.3f s (truth %.3f s) start=%d ms size=%d B%n",
            participantId.substring(0, 8), track.source(), track.kind(), stream.path("codec_name").asText(),
            duration, truthSeconds, track.startOffsetMs(), track.sizeBytes());
        assertThat(stream.path("codec_name").asText()).isEqualTo(expectedCodec);
        assertThat(track.codec()).isEqualTo(expectedCodec);
        assertThat(probe.path("format").path("format_name").asText()).contains("webm");
        assertThat(duration).isCloseTo(truthSeconds, org.assertj.core.data.Offset.offset(1.0));
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

    // start of b: the composed MP4 (H.264 + AAC) holds the whole call, every tone, and a tile per camera
    String recordingPath = "/api/v1/recordings/" + recording.id();
    RecordingView composed = Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
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
    double[] mixedTones = MediaProbe.tonePowers(composedFile, TONES);
    System.out.printf("E2E composed MP4: codecs=%s duration=%.3f s (truth %.3f s) size=%d B tone powers=%s%n",
        codecs, composedSeconds, truthSeconds, mp4.body().length, Arrays.toString(mixedTones));
    assertThat(codecs).containsExactlyInAnyOrder("h264", "aac");
    assertThat(composedSeconds).isCloseTo(truthSeconds, org.assertj.core.data.Offset.offset(1.0));
    for (double power : mixedTones) {
      // each tone gives ~5,400 in its own file; a torn waveform (frames misplaced by samples) drops far below
      assertThat(power).isGreaterThan(2_500);
    }
    double[] cells = MediaProbe.cellBrightness(composedFile, truthSeconds / 2, 640, 360, 2, 2);
    System.out.printf("E2E composed grid brightness at %.1f s: %s%n", truthSeconds / 2, Arrays.toString(cells));
    assertThat(cells[0]).isGreaterThan(20);
    assertThat(cells[1]).isGreaterThan(20);
    assertThat(cells[2]).isGreaterThan(20);
    assertThat(cells[3]).isLessThan(5); // three cameras in a 2x2 grid: the fourth cell stays black

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
