package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.backend.devservices.CassandraServerProcess;
import com.convene.backend.devservices.DevServicesSettings;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatEntry;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 4 acceptance c with real media: two webrtc-java peers in a call through a backend of its own whose
/// Cassandra (its own child JVM, so the other tests keep theirs) is killed with `SIGKILL` in the middle of the call
/// (issue 12's fault suite: a killed store, not one that shuts down).
///
/// While Cassandra is down, each peer keeps decoding the other's video, a mute and a chat message go through, and
/// the analytics writer holds the events and the 5-second quality reports (nothing written, nothing dropped).
/// Once Cassandra is started again, the held rows arrive: the mute and chat events in `meeting_events`, and
/// `call_quality_metrics` rows sampled during the outage, with nothing dropped.
@Tag("media")
@Tag("fault")
class CassandraOutageCallIT {

  @Test
  void callGoesOnWhileCassandraIsDownAndItsEventsArriveAfterwards() throws Exception {
    Path dir = Path.of("target", "cassandra-outage-call").toAbsolutePath();
    deleteTree(dir);
    CassandraServerProcess cassandraJvm = CassandraServerProcess.start(DevServicesSettings.DEFAULT_CASSANDRA_JAVA,
        CassandraServerProcess.bundledClasspath().orElseThrow(), dir, freePort(), freePort());
    E2eBackend backend = null;
    try {
      backend = E2eBackend.startSeparate(Map.of(
          "convene.cassandra.enabled", "true",
          "convene.cassandra.contact-points", cassandraJvm.contactPoint(),
          "convene.cassandra.local-datacenter", CassandraServerProcess.DATACENTER,
          "convene.cassandra.reconnect-delay", "500ms"));
      run(backend, cassandraJvm);
    } finally {
      if (backend != null) {
        backend.stop();
      }
      cassandraJvm.close();
    }
  }

  private static void run(E2eBackend backend, CassandraServerProcess cassandraJvm) throws Exception {
    var context = backend.context();
    CassandraConnector cassandra = context.getBean(CassandraConnector.class);
    AnalyticsWriter writer = context.getBean(AnalyticsWriter.class);
    assertThat(cassandra.awaitConnected(Duration.ofSeconds(90))).isTrue();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.admin();
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Outage call");

    Instant outageStart;
    Instant outageEnd;
    String boId;
    try (Peer ada = Peer.join(backend, host, meeting.joinCode(), "Ada", CallConfig.VideoChoice.PATTERN, 440,
            new CallListener() {});
        Peer bo = Peer.join(backend, rest.newMember("Bo"), meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN,
            660, new CallListener() {})) {
      boId = bo.participantId();
      Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> frames(ada, bo) > 30 && frames(bo, ada) > 30);
      assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
      long writtenBefore = writer.written();

      cassandraJvm.kill(); // SIGKILL, as a crash: nothing flushed (issue 12's fault suite)
      outageStart = Instant.now();
      long adaSawBefore = frames(ada, bo);
      long boSawBefore = frames(bo, ada);

      bo.session().setAudioMuted(true).get(5, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ada.session().participants().stream()
          .anyMatch(p -> p.participantId().equals(boId) && p.audioMuted()));
      ada.session().sendChat("Still here?").get(5, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> bo.session().chat().stream()
          .map(ChatEntry::content).toList().contains("Still here?"));
      // media goes on: 10 s without Cassandra, both peers keep decoding (about 30 frames/s each)
      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> Duration.between(outageStart, Instant.now()).toSeconds() >= 10
              && frames(ada, bo) > adaSawBefore + 150 && frames(bo, ada) > boSawBefore + 150);
      assertThat(writer.written()).as("nothing reaches the stopped Cassandra").isEqualTo(writtenBefore);
      assertThat(writer.dropped()).isZero();
      assertThat(writer.buffered()).as("events and quality samples held").isGreaterThanOrEqualTo(4);
      System.out.printf("OUTAGE after %d s without Cassandra: Ada decoded %d more frames of Bo, Bo %d of Ada, "
              + "%d analytics rows held%n", Duration.between(outageStart, Instant.now()).toSeconds(),
          frames(ada, bo) - adaSawBefore, frames(bo, ada) - boSawBefore, writer.buffered());

      cassandraJvm.start();
      outageEnd = Instant.now();
      assertThat(writer.awaitFlushed(Duration.ofSeconds(90))).as("held rows flushed after the restart").isTrue();
      bo.session().leave().get(10, TimeUnit.SECONDS);
      ada.session().leave().get(10, TimeUnit.SECONDS);
    }
    assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
    assertThat(writer.dropped()).isZero();

    var session = cassandra.session().orElseThrow();
    List<Row> events = session.execute("SELECT event_time, event_type, event_data FROM convene.meeting_events "
        + "WHERE meeting_id = ?", meeting.id()).all().stream()
        .sorted(Comparator.comparing(r -> r.getInstant("event_time"))).toList();
    List<String> types = events.stream().map(r -> r.getString("event_type")).toList();
    System.out.println("OUTAGE events after the restart: " + types);
    assertThat(types).containsSubsequence("participant_joined", "participant_joined", "audio_muted",
        "chat_message", "participant_left", "participant_left");
    assertThat(events).filteredOn(r -> List.of("audio_muted", "chat_message").contains(r.getString("event_type")))
        .allSatisfy(r -> assertThat(r.getInstant("event_time")).isBetween(outageStart, outageEnd));
    List<Instant> samples = session.execute("SELECT metric_time FROM convene.call_quality_metrics "
            + "WHERE meeting_id = ? AND participant_id = ?", meeting.id(), UUID.fromString(boId)).all().stream()
        .map(r -> r.getInstant("metric_time")).toList();
    assertThat(samples).as("Bo's quality samples taken while Cassandra was down")
        .anyMatch(t -> t.isAfter(outageStart) && t.isBefore(outageEnd));
  }

  /// Frames `viewer` decoded of `sender`'s camera so far.
  private static long frames(Peer viewer, Peer sender) {
    return viewer.statsOf(sender).map(s -> s.framesDecoded()).orElse(0L);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
