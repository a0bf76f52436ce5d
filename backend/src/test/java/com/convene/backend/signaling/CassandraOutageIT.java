package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.backend.devservices.CassandraServerProcess;
import com.convene.backend.devservices.DevServicesSettings;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.QualityReport;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Welcome;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/// Issue 4 acceptance c at the signaling level: with its own Cassandra child JVM (so stopping it disturbs no
/// other test), Cassandra is stopped in the middle of a call; signaling goes on (joins, media changes, quality
/// reports answered as usual), the events are buffered, and once Cassandra is started again every buffered event
/// and sample arrives. The media-level version is the e2e module's `CassandraOutageCallIT`.
@MicronautTest
class CassandraOutageIT extends BackendTestSupport {
  private static CassandraServerProcess cassandraJvm;

  @Inject EmbeddedServer server;
  @Inject CassandraConnector cassandra;
  @Inject AnalyticsWriter writer;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path dir = Path.of("target", "cassandra-outage").toAbsolutePath();
      if (java.nio.file.Files.exists(dir)) {
        try (var paths = java.nio.file.Files.walk(dir)) {
          for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.delete(p);
          }
        }
      }
      cassandraJvm = CassandraServerProcess.start(DevServicesSettings.DEFAULT_CASSANDRA_JAVA,
          CassandraServerProcess.bundledClasspath().orElseThrow(), dir, freePort(), freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("convene.cassandra.enabled", "true");
    props.put("convene.cassandra.contact-points", cassandraJvm.contactPoint());
    props.put("convene.cassandra.local-datacenter", CassandraServerProcess.DATACENTER);
    props.put("convene.cassandra.reconnect-delay", "500ms");
    return props;
  }

  @AfterAll
  void stopCassandra() {
    if (cassandraJvm != null) {
      cassandraJvm.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "outage-it"));
    c.expect(Welcome.class);
    return c;
  }

  @Test
  void callContinuesWhileCassandraIsDownAndBufferedEventsArriveAfterwards() throws Exception {
    assertThat(cassandra.awaitConnected(Duration.ofSeconds(60))).isTrue();
    String hostToken = adminToken();
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    MeetingView meeting = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of(
        "title", "Outage", "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC",
        "waitingRoomEnabled", false)).bearerAuth(hostToken),
        MeetingView.class);
    String guestPid;
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      host.send(new JoinRequest("j1", meeting.joinCode(), "Hostess", false, false));
      host.expect(Joined.class);
      assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
      long writtenBefore = writer.written();

      cassandraJvm.stop();

      guest.send(new JoinRequest("j2", meeting.joinCode(), "Guest", false, false));
      guestPid = guest.expect(Joined.class).participantId();
      host.expect(ParticipantJoined.class);
      for (int i = 0; i < 5; i++) {
        guest.send(new SetMediaState("m" + i, i % 2 == 0, false, false));
        assertThat(host.expect(ParticipantUpdated.class).participant().audioMuted()).isEqualTo(i % 2 == 0);
        guest.send(new QualityReport(30_000 + i, 0f, 1f, 10, null, null, null, null, null, "wired", null, 0.1f, 100));
      }
      guest.send(new LeaveRequest("l1"));
      guest.expect(Left.class);
      // the flusher keeps trying against the stopped node: for 2 s nothing may be written or dropped
      org.awaitility.Awaitility.await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> writer.written() == writtenBefore && writer.dropped() == 0);
      assertThat(writer.buffered()).as("rows held while Cassandra is down").isGreaterThanOrEqualTo(12);
      assertThat(writer.written()).isEqualTo(writtenBefore);
      assertThat(writer.dropped()).isZero();

      cassandraJvm.start();
      assertThat(writer.awaitFlushed(Duration.ofSeconds(90))).as("buffer flushed after restart").isTrue();
    }
    var session = cassandra.session().orElseThrow();
    List<String> guestEvents = session.execute("SELECT event_type, event_data FROM convene.meeting_events "
            + "WHERE meeting_id = ?", meeting.id()).all().reversed().stream()
        .filter(r -> guestPid.equals(r.getMap("event_data", String.class, String.class).get("participant_id")))
        .map(r -> r.getString("event_type")).toList();
    assertThat(guestEvents).containsExactly("participant_joined", "audio_muted", "audio_unmuted", "audio_muted",
        "audio_unmuted", "audio_muted", "participant_left");
    List<Row> quality = session.execute("SELECT audio_bitrate FROM convene.call_quality_metrics WHERE meeting_id = ? "
        + "AND participant_id = ?", meeting.id(), UUID.fromString(guestPid)).all();
    assertThat(quality).extracting(r -> r.getInt("audio_bitrate"))
        .containsExactlyInAnyOrder(30_000, 30_001, 30_002, 30_003, 30_004);
    assertThat(writer.dropped()).isZero();
  }
}
