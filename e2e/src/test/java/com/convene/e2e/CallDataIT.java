package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.backend.chat.ChatService;
import com.convene.backend.meeting.Participant;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.WebRtcStateService;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatEntry;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance b of issue 4 at media level: a short (about 12 s) call of three real webrtc-java peers through the
/// SFU leaves, in the real stores,
/// - `meeting_events` (Cassandra): each peer's join, a mute and the leaves, in time order;
/// - `call_quality_metrics` (Cassandra): rows for every peer at about one per 5 s (each client reports every 5 s),
///   with loss, jitter and round trip from the SFU's receiver reports;
/// - Redis: `meeting_room`, `session`, `presence`, `chat`, `ice_candidates`, `sdp_offer`, `sdp_answer` with seed
///   000's TTLs, read with `TTL`;
/// - chat: sent by two peers, delivered to all three, in `chat:{meeting_id}` and in `chat_messages`.
@Tag("media")
class CallDataIT {

  @Test
  void threePeerCallLeavesEventsQualityRedisKeysAndChat() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.admin();
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Data call");
    var context = backend.context();
    CassandraConnector cassandra = context.getBean(CassandraConnector.class);
    assertThat(cassandra.awaitConnected(Duration.ofSeconds(90))).isTrue();
    RedisCommands<String, String> redis = context.getBean(StatefulRedisConnection.class).sync();
    ParticipantService participants = context.getBean(ParticipantService.class);

    List<Peer> peers = new ArrayList<>();
    Map<String, Instant> joinedAt = new java.util.HashMap<>();
    Map<String, Instant> leftAt = new java.util.HashMap<>();
    Instant callStart = Instant.now();
    try {
      peers.add(Peer.join(backend, host, meeting.joinCode(), "Ada", CallConfig.VideoChoice.PATTERN, 440,
          new CallListener() {}));
      peers.add(Peer.join(backend, rest.newMember("Bo"), meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN,
          660, new CallListener() {}));
      peers.add(Peer.join(backend, rest.newMember("Cy"), meeting.joinCode(), "Cy", CallConfig.VideoChoice.PATTERN,
          880, new CallListener() {}));
      // each peer reports every 5 s from its own join: note when each one was in
      Instant joined = Instant.now();
      peers.forEach(p -> joinedAt.put(p.name(), joined));
      Peer ada = peers.get(0);
      Peer bo = peers.get(1);

      bo.session().setAudioMuted(true).get(5, TimeUnit.SECONDS);
      // the mute and the chat travel on different sockets: let the server have handled the mute (Ada sees it)
      // before Ada writes, so the timeline's order is the test's order
      String boId = bo.session().participantId().orElseThrow();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ada.session().participants().stream()
          .anyMatch(p -> p.participantId().equals(boId) && p.audioMuted()));
      ada.session().sendChat("Hello everyone!").get(5, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !bo.session().chat().isEmpty());
      bo.session().sendChat("Hi Ada").get(5, TimeUnit.SECONDS);
      for (Peer p : peers) {
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> p.session().chat().stream().map(ChatEntry::content).toList()
                .containsAll(List.of("Hello everyone!", "Hi Ada")));
      }

      // Redis keys while everyone is in, with seed 000's TTLs
      UUID meetingId = meeting.id();
      Map<String, Long> ttls = new java.util.TreeMap<>();
      ttls.put("meeting_room", redis.ttl(RoomStateService.roomKey(meetingId)));
      ttls.put("chat", redis.ttl(ChatService.historyKey(meetingId)));
      assertThat(ttls.get("meeting_room")).isBetween(14_000L, 14_400L);
      assertThat(ttls.get("chat")).isBetween(86_000L, 86_400L);
      assertThat(redis.lrange(ChatService.historyKey(meetingId), 0, -1)).hasSize(2);
      // the peers publish first; subscribe answers follow as tracks arrive
      for (Peer p : peers) {
        Participant row = participants.find(UUID.fromString(p.participantId())).orElseThrow();
        String pub = row.connectionId() + "-publish";
        String sub = row.connectionId() + "-subscribe";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redis.exists(
            WebRtcStateService.sdpAnswerKey(sub)) == 1);
        assertThat(redis.ttl(RoomStateService.sessionKey(row.participantId()))).isBetween(7_000L, 7_200L);
        assertThat(redis.ttl(WebRtcStateService.presenceKey(row.userId().toString()))).isBetween(240L, 300L);
        for (String key : List.of(WebRtcStateService.sdpOfferKey(pub), WebRtcStateService.sdpAnswerKey(pub),
            WebRtcStateService.iceCandidatesKey(pub), WebRtcStateService.sdpOfferKey(sub),
            WebRtcStateService.sdpAnswerKey(sub), WebRtcStateService.iceCandidatesKey(sub))) {
          assertThat(redis.ttl(key)).as(key).isBetween(240L, 300L);
        }
        assertThat(redis.get(WebRtcStateService.sdpOfferKey(pub))).contains("\"type\":\"offer\"");
        assertThat(redis.lrange(WebRtcStateService.iceCandidatesKey(pub), 0, -1))
            .anyMatch(c -> c.contains("typ host") && c.contains("\"sdpMLineIndex\":0"));
        ttls.put("session/" + p.name(), redis.ttl(RoomStateService.sessionKey(row.participantId())));
        ttls.put("presence/" + p.name(), redis.ttl(WebRtcStateService.presenceKey(row.userId().toString())));
        ttls.put("ice_candidates/" + p.name(), redis.ttl(WebRtcStateService.iceCandidatesKey(pub)));
      }
      System.out.println("CALLDATA Redis TTLs (s): " + ttls);

      // keep the call going to about 12 s so each peer sends two quality reports
      long elapsed = Duration.between(callStart, Instant.now()).toMillis();
      Thread.sleep(Math.max(0, 12_000 - elapsed));
      List<String> ids = peers.stream().map(Peer::participantId).toList();
      Duration callLength = Duration.between(callStart, Instant.now());
      for (Peer p : List.copyOf(peers)) {
        leftAt.put(p.name(), Instant.now());
        p.session().leave().get(10, TimeUnit.SECONDS);
        p.close();
        peers.remove(p);
      }

      // chat: in PostgreSQL too
      assertThat(chatRows(backend, meetingId)).containsExactly("Ada: Hello everyone!", "Bo: Hi Ada");

      // Cassandra: events in time order, quality rows for every peer
      assertThat(context.getBean(AnalyticsWriter.class).awaitFlushed(Duration.ofSeconds(30))).isTrue();
      CqlSession cql = cassandra.session().orElseThrow();
      List<Row> rows = cql.execute("SELECT event_time, event_type, event_data FROM convene.meeting_events "
          + "WHERE meeting_id = ?", meetingId).all();
      assertThat(rows.stream().map(r -> r.getInstant("event_time")).toList())
          .isSortedAccordingTo(Comparator.reverseOrder());
      List<String> timeline = rows.reversed().stream()
          .map(r -> r.getString("event_type") + ":"
              + nameOf(ids, r.getMap("event_data", String.class, String.class).get("participant_id")))
          .toList();
      System.out.println("CALLDATA timeline: " + timeline);
      assertThat(timeline).containsSubsequence("participant_joined:Ada", "participant_joined:Bo",
          "participant_joined:Cy", "audio_muted:Bo", "chat_message:Ada", "chat_message:Bo",
          "participant_left:Ada", "participant_left:Bo", "participant_left:Cy");
      long nonNullVideo = 0;
      for (int i = 0; i < ids.size(); i++) {
        String name = List.of("Ada", "Bo", "Cy").get(i);
        // at least this long in the call: from the last join to this peer's leave
        long expectedReports = Duration.between(joinedAt.get(name), leftAt.get(name)).toSeconds() / 5;
        List<Row> quality = cql.execute("SELECT metric_time, audio_bitrate, video_bitrate, video_resolution, "
            + "audio_packet_loss, audio_jitter, audio_rtt, video_packet_loss, video_rtt "
            + "FROM convene.call_quality_metrics WHERE meeting_id = ? AND participant_id = ?", meetingId,
            UUID.fromString(ids.get(i))).all();
        System.out.printf("CALLDATA quality rows of %s (at least %d ms in the call of %d ms): %d, times %s%n", name,
            Duration.between(joinedAt.get(name), leftAt.get(name)).toMillis(), callLength.toMillis(),
            quality.size(), quality.stream().map(r -> r.getInstant("metric_time")).toList());
        assertThat(quality.size()).as("reports of %s", name)
            .isBetween((int) Math.max(1, expectedReports - 1), (int) expectedReports + 2);
        // the first report of a peer has no bitrate yet (bitrates are deltas between reports)
        assertThat(quality).allMatch(r -> r.isNull("video_bitrate") || r.getInt("video_bitrate") > 0);
        nonNullVideo += quality.stream().filter(r -> !r.isNull("video_bitrate")).count();
        // loss, jitter and round trip come from the SFU's receiver reports (decision 007)
        assertThat(quality).as("loss, jitter and RTT of %s", name).anySatisfy(r -> {
          assertThat(r.isNull("audio_packet_loss") || r.isNull("video_packet_loss")).isFalse();
          assertThat(r.isNull("audio_jitter") || r.isNull("audio_rtt") || r.isNull("video_rtt")).isFalse();
          assertThat(r.getFloat("video_packet_loss")).isBetween(0f, 0.05f);
          assertThat(r.getInt("video_rtt")).isBetween(0, 1_000);
        });
      }
      assertThat(nonNullVideo).isPositive();
    } finally {
      peers.forEach(Peer::close);
    }
  }

  private static String nameOf(List<String> ids, String participantId) {
    int i = ids.indexOf(participantId);
    return i < 0 ? "?" : List.of("Ada", "Bo", "Cy").get(i);
  }

  private static List<String> chatRows(E2eBackend backend, UUID meetingId) throws Exception {
    List<String> out = new ArrayList<>();
    // a plain connection: the context's DataSource is transaction-aware and this test has no transaction
    var env = backend.context().getEnvironment();
    try (Connection c = java.sql.DriverManager.getConnection(
            env.getRequiredProperty("datasources.default.url", String.class),
            env.getRequiredProperty("datasources.default.username", String.class),
            env.getProperty("datasources.default.password", String.class).orElse(""));
        PreparedStatement s = c.prepareStatement(
            "SELECT sender_name, content FROM chat_messages WHERE meeting_id = ? ORDER BY created_at")) {
      s.setObject(1, meetingId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + ": " + rs.getString(2));
        }
      }
    }
    return out;
  }
}
