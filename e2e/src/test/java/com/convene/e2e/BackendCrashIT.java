package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingView;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 12's fault suite, "backend `SIGKILL` and restart": the real backend in a JVM of its own ([BackendProcess])
/// with two command-line bots ([BotMain], the same engine as the app) in a call, killed with `SIGKILL` and started
/// again at once on the same ports. Each bot notices, joins the meeting again by itself (`REJOINED`), and decodes the
/// other's video again within 5 s of `/health` answering 200. The recording that was running is recovered at
/// start-up: `ready` and `partial`, each of the four tracks complete up to at most 2 s before the kill, composed and
/// downloadable (docs/decisions/058-crash-safe-recording.md); the dead node's participant rows are closed by the
/// reaper, the rejoined ones stay open and the meeting stays live (decision 042). The figures are printed.
@Tag("media")
@Tag("fault")
class BackendCrashIT {

  @Test
  void botsAreBackInTheMeetingWithMediaWithinFiveSecondsOfTheRestart() throws Exception {
    Path dir = Path.of("target", "backend-crash").toAbsolutePath();
    Map<String, Object> overrides = Map.of(
        "convene.recording.spool-directory", dir.resolve("spool").toString(),
        "convene.storage.local.root", dir.resolve("storage").toString(),
        "convene.outbox.directory", dir.resolve("outbox").toString(),
        "convene.lifecycle.reaper-interval", "2s");
    try (BackendProcess backend = new BackendProcess(overrides, freeTcpPort(), freeUdpPort(),
        dir.resolve("backend.log"))) {
      backend.start();
      backend.awaitHealthy(Duration.ofSeconds(90));
      RestFixture rest = new RestFixture(backend.baseUri());
      RestFixture.Account host = rest.admin();
      RestFixture.Account member = rest.newMember("Kim");
      MeetingView meeting = rest.scheduleMeeting(host.token(), "Crash call",
          Map.of("waitingRoomEnabled", false, "recordingEnabled", true));

      BotRun ada = BotRun.start(backend, host, meeting, "Ada", 440);
      BotRun kim = BotRun.start(backend, member, meeting, "Kim", 660);
      try {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
            .until(() -> ada.framesOf("Kim", 0) > 30 && kim.framesOf("Ada", 0) > 30);
        RecordingView recording = rest.post("/api/v1/meetings/" + meeting.id() + "/recording/start", Map.of(),
            host.token(), RecordingView.class);
        Thread.sleep(8_000); // eight seconds of capture

        backend.kill();
        Instant killInstant = Instant.now();
        long killedAt = System.nanoTime();
        backend.start();
        long healthyAt = backend.awaitHealthy(Duration.ofSeconds(90));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> ada.rejoins() >= 1 && kim.rejoins() >= 1
                && ada.framesOf("Kim", 1) > 0 && kim.framesOf("Ada", 1) > 0);
        double mediaAfterHealthy = (System.nanoTime() - healthyAt) / 1e9;
        System.out.printf("FAULT backend-kill: healthy again %.1f s after SIGKILL; both bots rejoined and decode each "
            + "other %.2f s after /health answered%n", (healthyAt - killedAt) / 1e9, mediaAfterHealthy);
        assertThat(mediaAfterHealthy).as("media back within 5 s of /health").isLessThan(5.0);

        // the recording the kill interrupted: recovered (partial), every track up to at most 2 s before the kill,
        // composed and downloadable
        RecordingView recovered = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
            .until(() -> rest.getJson("/api/v1/recordings/" + recording.id(), host.token(),
                new TypeReference<RecordingView>() {}), r -> "ready".equals(r.status()) || "failed".equals(r.status()));
        long capturedMillis = Duration.between(recovered.startedAt(), killInstant).toMillis();
        System.out.printf("FAULT backend-kill recording: %s partial=%s, %d tracks, capture %d ms before the kill, "
                + "track ends %s ms%n", recovered.status(), recovered.partial(), recovered.tracks().size(),
            capturedMillis, recovered.tracks().stream().map(t -> t.kind() + ":" + t.endOffsetMs()).toList());
        assertThat(recovered.status()).isEqualTo("ready");
        assertThat(recovered.partial()).isTrue();
        assertThat(recovered.tracks()).as("camera and microphone of both bots").hasSize(4)
            .allSatisfy(t -> assertThat(t.endOffsetMs()).isGreaterThanOrEqualTo(capturedMillis - 2_000));
        // participant and meeting states: the dead node's rows closed by the reaper, the new ones open, still live
        List<String> before = List.of(ada.participant(0), kim.participant(0));
        List<String> after = List.of(ada.participant(1), kim.participant(1));
        String jdbcUrl = String.valueOf(E2eBackend.configurationWith(Map.of()).get("datasources.default.url"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
            .until(() -> leftAt(jdbcUrl, before.get(0)) != null && leftAt(jdbcUrl, before.get(1)) != null);
        for (String id : after) {
          assertThat(leftAt(jdbcUrl, id)).as("rejoined participant " + id).isNull();
        }
        assertThat(rest.getJson("/api/v1/meetings/" + meeting.id(), host.token(),
            new TypeReference<MeetingView>() {}).status()).isEqualTo("live");
        HttpResponse<byte[]> download = rest.get(recovered.downloadPath(), host.token(), Map.of());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().length).isGreaterThan(10_000);
      } finally {
        ada.stop();
        kim.stop();
      }
    }
  }

  /// The participant row's `left_at`, or null while open.
  private static java.time.Instant leftAt(String jdbcUrl, String participantId) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
        java.sql.PreparedStatement q = c.prepareStatement(
            "SELECT left_at FROM meeting_participants WHERE participant_id = ?")) {
      q.setObject(1, java.util.UUID.fromString(participantId));
      try (java.sql.ResultSet rs = q.executeQuery()) {
        return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
      }
    }
  }

  static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(E2eBackend.ADDRESS))) {
      return s.getLocalPort();
    }
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(E2eBackend.ADDRESS))) {
      return s.getLocalPort();
    }
  }
}
