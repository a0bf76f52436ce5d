package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.backend.TestServices;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.Participant;
import com.convene.backend.meeting.ParticipantService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// A leave during a PostgreSQL outage (docs/decisions/042-meeting-lifecycle-and-reaper.md), against a PostgreSQL
/// server of this class's own (the test run's shared one serves every other class and is never stopped): the
/// server is stopped while a participant is in a call, the participant leaves (the `left_at` write fails), the
/// server is started again on the same data directory, and the leave lands with the time it happened, before the
/// restart; the meeting then ends after its grace period.
@MicronautTest(transactional = false)
@Tag("fault")
class LeaveDuringPostgresOutageIT extends SignalingTestSupport {
  private static final Path DIR = Path.of("target", "pg-outage").toAbsolutePath();
  private static int port;
  private static EmbeddedPostgres postgres;

  @Inject MeetingService meetings;
  @Inject ParticipantService participants;

  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(DIR.resolve("data"))
        .setOverrideWorkingDirectory(DIR.resolve("pg-dist").toFile())
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setPort(port)
        .start();
  }

  @Override
  public Map<String, String> getProperties() {
    try {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      if (Files.exists(DIR.resolve("data"))) {
        try (var paths = Files.walk(DIR.resolve("data"))) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      postgres = startPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("micronaut.server.port", "-1"); // a free port: other test runs on this machine may hold 8080
    props.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    props.put("datasources.default.username", "postgres");
    props.put("datasources.default.password", "");
    props.put("datasources.default.connection-timeout", "2000");
    props.put("convene.lifecycle.grace", "2s");
    props.put("convene.lifecycle.lease-ttl", "3s");
    props.put("convene.lifecycle.reaper-interval", "1h");
    return props;
  }

  @AfterAll
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void leaveDuringTheOutageIsWrittenWithItsTimeWhenPostgresIsBackAndTheMeetingEnds() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    Instant leftBefore;
    Instant restarted;
    UUID participantId;
    try (SignalingClient host = connect(hostToken)) {
      Joined joined = join(host, meeting, "Host");
      participantId = UUID.fromString(joined.participantId());

      postgres.close();
      Instant leaveSent = Instant.now();
      host.send(new LeaveRequest("l-outage"));
      host.expect(Left.class);
      leftBefore = Instant.now();
      // still down for a few lease ticks and past the grace: the writes keep failing meanwhile
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
      postgres = startPostgres();
      restarted = Instant.now();
      assertThat(leaveSent).isBefore(restarted);
    }

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> participants.find(participantId).map(p -> p.leftAt() != null).orElse(false));
    Participant row = participants.find(participantId).orElseThrow();
    assertThat(row.leftAt()).isBefore(restarted).isBeforeOrEqualTo(leftBefore);
    assertThat(row.status()).isEqualTo("left");

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> meetings.get(meeting.id()).status().equals("ended"));
    assertThat(meetings.get(meeting.id()).actualEnd()).isEqualTo(row.leftAt());
  }
}
