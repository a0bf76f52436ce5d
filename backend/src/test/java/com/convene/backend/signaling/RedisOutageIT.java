package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.devservices.RedisServerProcess;
import com.convene.model.api.AdminHealthView;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.StoreHealthView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.Heartbeat;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Welcome;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/// Issue 4 degradation for Redis, at the signaling level: with its own `redis-server` child process (the test
/// run's shared Redis serves every other test and is never stopped), Redis is stopped in the middle of a call.
/// Joined participants go on signaling (media-state changes, heartbeats), a newcomer can still join, chat is
/// acknowledged once stored in PostgreSQL and reaches the host after Redis is back, sign-in fails with a typed
/// error (`503 service-unavailable`) instead of hanging, `/health`
/// stays 200 without details, and the admin health names Redis DOWN. After Redis is restarted on the same port,
/// the admin health says UP again, chat is delivered, sign-in works and presence is written again.
@MicronautTest
class RedisOutageIT extends BackendTestSupport {
  private static final String PASSWORD = "correct-horse-battery";
  private static RedisServerProcess redisServer;

  @Inject EmbeddedServer server;
  @Inject StatefulRedisConnection<String, String> redis;

  @Override
  public Map<String, String> getProperties() {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      redisServer = RedisServerProcess.start(System.getProperty("convene.dev-services.redis-server", "redis-server"),
          Path.of("target", "redis-outage").toAbsolutePath(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("redis.uri", redisServer.uri());
    return props;
  }

  @AfterAll
  void stopRedis() {
    if (redisServer != null) {
      redisServer.close();
    }
  }

  @Test
  void callGoesOnWhileRedisIsDownAndRecoversWhenItIsBack() throws Exception {
    String adminToken = adminToken();
    String guestName = register();
    String guestToken = login(guestName, PASSWORD).accessToken();
    String lateToken = login(register(), PASSWORD).accessToken();
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    MeetingView meeting = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of(
        "title", "Redis outage", "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC",
        "waitingRoomEnabled", false)).bearerAuth(adminToken), MeetingView.class);

    try (SignalingClient host = connect(adminToken);
        SignalingClient guest = connect(guestToken);
        SignalingClient late = connect(lateToken)) {
      host.send(new JoinRequest("j1", meeting.joinCode(), "Hostess", false, false));
      host.expect(Joined.class);
      guest.send(new JoinRequest("j2", meeting.joinCode(), "Guest", false, false));
      String guestPid = guest.expect(Joined.class).participantId();
      host.expect(ParticipantJoined.class);
      guest.send(new ChatSend("c0", "before the outage"));
      host.expect(ChatMessage.class, m -> m.message().content().equals("before the outage"));
      assertThat(adminHealth(adminToken).redis().status()).isEqualTo(StoreHealthView.UP);

      redisServer.stop();

      AdminHealthView down = Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> adminHealth(adminToken), h -> h.redis().status().equals(StoreHealthView.DOWN));
      assertThat(down.postgres().status()).isEqualTo(StoreHealthView.UP);
      assertThat(down.status()).isEqualTo("DEGRADED");
      HttpResponse<String> health = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
      assertThat(health.code()).as("/health keeps the node in the load balancer").isEqualTo(200);
      assertThat(health.body()).contains("DEGRADED").doesNotContain("redis", "PING");

      // joined participants go on signaling; every message is answered well within the client's 10 s deadline
      for (int i = 0; i < 3; i++) {
        guest.send(new Heartbeat());
        guest.send(new SetMediaState("m" + i, i % 2 == 0, false, false));
        boolean muted = i % 2 == 0;
        assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(guestPid))
            .participant().audioMuted()).isEqualTo(muted);
      }
      // a newcomer still gets in: room state in Redis is best effort, the live room and PostgreSQL decide
      late.send(new JoinRequest("j3", meeting.joinCode(), "Late", false, false));
      late.expect(Joined.class);
      host.expect(ParticipantJoined.class);
      // chat is acknowledged once in PostgreSQL and waits there for Redis (decision 024)
      guest.send(new ChatSend("c1", "during the outage"));
      guest.expect(ChatMessage.class, m -> m.message().clientMessageId().equals("c1"));
      // what needs Redis fails with a typed error
      HttpResponse<?> refused = expectError(() -> login(guestName, PASSWORD));
      assertThat(refused.code()).isEqualTo(503);
      assertThat(problem(refused).type()).isEqualTo("urn:convene:problem:service-unavailable");

      redisServer.restart();

      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> adminHealth(adminToken).redis().status().equals(StoreHealthView.UP));
      assertThat(adminHealth(adminToken).status()).isNotEqualTo("DOWN");
      // the message stored during the outage reaches the host, then chat is delivered again (the emptied Redis
      // gets the meeting's stream and group back)
      host.expect(ChatMessage.class, m -> m.message().clientMessageId().equals("c1"));
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        String id = "c-" + UUID.randomUUID();
        guest.send(new ChatSend(id, "after the outage " + id));
        host.expect(ChatMessage.class, m -> m.message().clientMessageId().equals(id));
      });
      assertThat(login(guestName, PASSWORD).accessToken()).isNotBlank();
      guest.send(new Heartbeat());
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> redis.sync().exists("presence:" + guest.userId) == 1L);

      guest.send(new LeaveRequest("l1"));
      guest.expect(Left.class);
      host.expect(ParticipantLeft.class, p -> p.participantId().equals(guestPid));
    }
  }

  private AdminHealthView adminHealth(String token) {
    return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/health").bearerAuth(token),
        AdminHealthView.class);
  }

  private String register() {
    String name = "redis-outage-" + UUID.randomUUID().toString().substring(0, 8);
    client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
        new RegisterRequest(name, name + "@example.test", PASSWORD, null, null)));
    return name;
  }

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "redis-outage-it"));
    c.userId = c.expect(Welcome.class).userId();
    return c;
  }
}
