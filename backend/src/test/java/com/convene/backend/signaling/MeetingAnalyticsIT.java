package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
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
import com.convene.model.signal.SignalError;
import com.convene.model.signal.Welcome;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Signaling writes analytics to the real Cassandra: join, media changes and leave become `meeting_events` in
/// time order (and `meeting_events_hourly`), quality reports become `call_quality_metrics` rows with the seed's
/// 30-day TTL, and an out-of-range report is refused with a typed error.
@MicronautTest
class MeetingAnalyticsIT extends BackendTestSupport {
  @Inject EmbeddedServer server;
  @Inject CassandraConnector cassandra;
  @Inject AnalyticsWriter writer;

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "analytics-it"));
    c.expect(Welcome.class);
    return c;
  }

  private MeetingView scheduleMeeting(String token) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of(
        "title", "Analytics test", "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC",
        "waitingRoomEnabled", false)).bearerAuth(token),
        MeetingView.class);
  }

  @Test
  void callLeavesEventsInTimeOrderAndQualityRows() throws Exception {
    assertThat(cassandra.awaitConnected(Duration.ofSeconds(60))).isTrue();
    String hostToken = adminToken();
    MeetingView meeting = scheduleMeeting(hostToken);
    String guestPid;
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      host.send(new JoinRequest("j1", meeting.joinCode(), "Hostess", false, false));
      host.expect(Joined.class);
      guest.send(new JoinRequest("j2", meeting.joinCode(), "Guest", false, false));
      guestPid = guest.expect(Joined.class).participantId();
      host.expect(ParticipantJoined.class);

      guest.send(new SetMediaState("m1", true, false, false));
      host.expect(ParticipantUpdated.class);
      guest.send(new SetMediaState("m2", true, true, true));
      host.expect(ParticipantUpdated.class);
      guest.send(new QualityReport(32_000, 0.01f, 3.5f, 12, 800_000, 0.0f, 30f, "640x360", 14, "wired",
          2_000_000, 0.2f, 300));
      guest.send(new QualityReport(31_000, 0.02f, 4.0f, 13, 810_000, 0.0f, 29f, "640x360", 15, "wired",
          2_000_000, 0.2f, 301));
      guest.sendRaw("{\"type\":\"quality-report\",\"audioPacketLoss\":7.5}");
      assertThat(guest.expect(SignalError.class).code())
          .isEqualTo(com.convene.model.signal.ErrorCode.MALFORMED_MESSAGE);
      guest.send(new LeaveRequest("l1"));
      guest.expect(Left.class);
    }
    assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
    CqlSession s = cassandra.session().orElseThrow();
    UUID meetingId = meeting.id();
    List<Row> rows = s.execute("SELECT event_time, event_type, event_data FROM convene.meeting_events "
        + "WHERE meeting_id = ?", meetingId).all();
    List<String> guestEvents = rows.reversed().stream()
        .filter(r -> guestPid.equals(r.getMap("event_data", String.class, String.class).get("participant_id")))
        .map(r -> r.getString("event_type")).toList();
    assertThat(guestEvents).containsExactly("participant_joined", "audio_muted", "video_off",
        "screen_share_started", "participant_left");
    List<Instant> times = rows.stream().map(r -> r.getInstant("event_time")).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(rows.stream().map(r -> r.getString("event_type")))
        .contains("participant_joined", "participant_left");

    List<Row> quality = s.execute("SELECT audio_bitrate, audio_packet_loss, video_resolution, cpu_usage, "
        + "TTL(audio_bitrate) AS ttl FROM convene.call_quality_metrics WHERE meeting_id = ? AND participant_id = ?",
        meetingId, UUID.fromString(guestPid)).all();
    assertThat(quality).hasSize(2);
    assertThat(quality.get(0).getInt("audio_bitrate")).isEqualTo(31_000);
    assertThat(quality.get(1).getInt("audio_bitrate")).isEqualTo(32_000);
    assertThat(quality.get(0).getString("video_resolution")).isEqualTo("640x360");
    assertThat(quality.get(0).getInt("ttl")).isBetween(2_591_000, 2_592_000);
  }
}
