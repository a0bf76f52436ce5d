package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.backend.chat.ChatService;
import com.convene.backend.room.WebRtcStateService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatHistory;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Heartbeat;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.Welcome;
import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/// In-meeting chat over signaling against the real PostgreSQL, Redis and Cassandra: a `chat-send` reaches everyone
/// as `chat-message` (the sender's copy is its acknowledgement) only after the row is in `chat_messages`; the
/// message sits in `chat:{meeting_id}` (LTRIM to 100, 24 h TTL) and in the meeting's stream, and its row is marked
/// published; a re-sent client id is acknowledged again but stored, published and delivered once; a joiner gets the
/// history; `allow_chat = false` refuses with `CHAT_DISABLED`; each message
/// is a `chat_message` meeting event; and `presence:{user_id}` follows hello, join and heartbeats with EX 300.
@MicronautTest
class ChatIT extends BackendTestSupport {
  @Inject EmbeddedServer server;
  @Inject DataSource dataSource;
  @Inject StatefulRedisConnection<String, String> redis;
  @Inject CassandraConnector cassandra;
  @Inject AnalyticsWriter writer;

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "convene-desktop/0.1.0"));
    userIds.put(c, c.expect(Welcome.class).userId());
    return c;
  }

  private MeetingView schedule(String token, boolean allowChat) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    Map<String, Object> body = new HashMap<>(Map.of("title", "Chat test", "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC", "allowChat", allowChat,
        "waitingRoomEnabled", false));
    return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", body).bearerAuth(token),
        MeetingView.class);
  }

  @Test
  void chatIsStoredThenDeliveredToEveryoneAndCachedInRedis() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = schedule(hostToken, true);
    UUID meetingId = meeting.id();
    try (SignalingClient host = connect(hostToken); SignalingClient guest = connect(newMemberToken())) {
      Joined hostJoined = joinAndTakeHistory(host, meeting, "Hostess", 0);
      joinAndTakeHistory(guest, meeting, "Guest", 0);
      host.expect(ParticipantJoined.class);

      host.send(new ChatSend("c-1", "Hello everyone!"));
      ChatMessage ack = host.expect(ChatMessage.class);
      ChatMessage seen = guest.expect(ChatMessage.class);
      assertThat(ack.message().clientMessageId()).isEqualTo("c-1");
      assertThat(seen.message()).isEqualTo(ack.message());
      assertThat(ack.message().senderParticipantId()).isEqualTo(hostJoined.participantId());
      UUID messageId = UUID.fromString(ack.message().messageId());

      // acknowledged => in PostgreSQL
      assertThat(chatRows(meetingId)).containsExactly(messageId + "|Hostess|Hello everyone!|text");

      // the same client id again: acknowledged again with the same id, stored once, delivered once
      host.send(new ChatSend("c-1", "Hello everyone!"));
      assertThat(host.expect(ChatMessage.class).message().messageId()).isEqualTo(messageId.toString());
      assertThat(chatRows(meetingId)).hasSize(1);

      guest.send(new ChatSend("g-1", "Hi host"));
      assertThat(host.expect(ChatMessage.class).message().content()).isEqualTo("Hi host");
      // the guest's next chat-message is its own acknowledgement, not a second copy of the re-sent message
      assertThat(guest.expect(ChatMessage.class).message().clientMessageId()).isEqualTo("g-1");
      assertThat(chatRows(meetingId)).hasSize(2);
      org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(5))
          .until(() -> unpublished(meetingId) == 0);

      // Redis: recent-history list, newest first, with the seed's fields and a 24 h TTL; the stream holds all sends
      var sync = redis.sync();
      List<String> cached = sync.lrange(ChatService.historyKey(meetingId), 0, -1);
      assertThat(cached).hasSize(2);
      JsonNode newest = objectMapper.readTree(cached.get(0));
      assertThat(newest.get("content").asText()).isEqualTo("Hi host");
      assertThat(newest.get("type").asText()).isEqualTo("text");
      assertThat(newest.has("message_id") && newest.has("sender_id") && newest.has("sender_name")
          && newest.has("timestamp")).isTrue();
      assertThat(sync.ttl(ChatService.historyKey(meetingId))).isBetween(86_000L, 86_400L);
      assertThat(sync.xlen(ChatService.streamKey(meetingId))).isEqualTo(2);
      assertThat(sync.ttl(ChatService.streamKey(meetingId))).isBetween(86_000L, 86_400L);

      // a late joiner gets the recent history, oldest first
      try (SignalingClient late = connect(newMemberToken())) {
        late.send(new JoinRequest("j3", meeting.joinCode(), "Late", false, false));
        late.expect(Joined.class);
        ChatHistory history = late.expect(ChatHistory.class);
        assertThat(history.messages()).extracting(m -> m.content())
            .containsExactly("Hello everyone!", "Hi host");
      }

      // presence: in_meeting with EX 300, refreshed by a heartbeat
      String presenceKey = WebRtcStateService.presenceKey(userIds.get(host));
      JsonNode presence = objectMapper.readTree(sync.get(presenceKey));
      assertThat(presence.get("status").asText()).isEqualTo("in_meeting");
      assertThat(presence.get("meeting_id").asText()).isEqualTo(meetingId.toString());
      assertThat(presence.get("device_type").asText()).isEqualTo("desktop");
      sync.expire(presenceKey, 10);
      host.send(new Heartbeat());
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> sync.ttl(presenceKey) > 200);
      assertThat(sync.ttl(presenceKey)).isBetween(290L, 300L);
    }

    // every chat message is a meeting event
    assertThat(cassandra.awaitConnected(Duration.ofSeconds(60))).isTrue();
    assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
    long chatEvents = cassandra.session().orElseThrow()
        .execute("SELECT event_type FROM convene.meeting_events WHERE meeting_id = ?", meetingId).all().stream()
        .filter(r -> "chat_message".equals(r.getString("event_type"))).count();
    assertThat(chatEvents).isEqualTo(3); // a re-send is a send: the event counts attempts answered as stored
  }

  @Test
  void chatIsRefusedWithATypedErrorWhenTheMeetingDisallowsIt() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = schedule(hostToken, false);
    try (SignalingClient host = connect(hostToken)) {
      host.send(new JoinRequest("j1", meeting.joinCode(), "Hostess", false, false));
      host.expect(Joined.class);
      host.send(new ChatSend("c-9", "anyone?"));
      SignalError error = host.expect(SignalError.class);
      assertThat(error.code()).isEqualTo(ErrorCode.CHAT_DISABLED);
      assertThat(error.requestId()).isEqualTo("c-9");
    }
    assertThat(chatRows(meeting.id())).isEmpty();
    assertThat(redis.sync().exists(ChatService.historyKey(meeting.id()))).isZero();
  }

  @Test
  void chatBeforeJoiningIsRefused() throws Exception {
    try (SignalingClient c = connect(newMemberToken())) {
      c.send(new ChatSend("c-0", "hello?"));
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.NOT_JOINED);
      c.sendRaw("{\"type\":\"chat-send\",\"clientMessageId\":\"c\",\"content\":\"" + "x".repeat(4001) + "\"}");
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }
  }

  private Joined joinAndTakeHistory(SignalingClient c, MeetingView meeting, String name, int expected)
      throws InterruptedException {
    c.send(new JoinRequest("j-" + name, meeting.joinCode(), name, false, false));
    Joined joined = c.expect(Joined.class);
    assertThat(c.expect(ChatHistory.class).messages()).hasSize(expected);
    return joined;
  }

  private final Map<SignalingClient, String> userIds = new java.util.concurrent.ConcurrentHashMap<>();

  private long unpublished(UUID meetingId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT count(*) FROM chat_messages WHERE meeting_id = ? AND NOT published")) {
      s.setObject(1, meetingId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private List<String> chatRows(UUID meetingId) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT message_id, sender_name, content, message_type "
            + "FROM chat_messages WHERE meeting_id = ? ORDER BY created_at")) {
      s.setObject(1, meetingId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
        }
      }
    }
    return rows;
  }
}
