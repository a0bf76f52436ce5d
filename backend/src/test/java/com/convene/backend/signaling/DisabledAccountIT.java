package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.TestServices;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.ParticipantLeft;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// Acceptance d (signaling half) of issue 5: disabling a user closes their live signaling WebSocket within 2 s
/// (close code 4403), their participation ends for the others, and a still-valid token of a disabled account
/// gets no signaling session. The account is disabled the way any admin tool does it, by committing
/// `users.status = 'suspended'` in PostgreSQL from a separate connection.
@MicronautTest(transactional = false)
class DisabledAccountIT extends SignalingTestSupport {
  private static final long DEADLINE_MILLIS = 2_000;

  @Inject AccountLifecycleListener accountLifecycle;
  @Inject SignalingMetrics metrics;

  @Test
  void disablingAUserInTheDatabaseClosesTheirLiveSocketWithinTwoSeconds() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient victim = connect(newMemberToken())) {
      join(host, meeting, "Host");
      String victimId = join(victim, meeting, "Victim").participantId();
      long before = metrics.disabledAccountDisconnects();

      long start = System.nanoTime();
      setStatus(victim.userId, "suspended");
      int code = victim.awaitClose(DEADLINE_MILLIS);
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("SIGNALING disabled account (users.status) -> socket closed %d ms (deadline %d ms)%n",
          elapsedMillis, DEADLINE_MILLIS);

      assertThat(code).isEqualTo(4403);
      assertThat(elapsedMillis).isLessThanOrEqualTo(DEADLINE_MILLIS);
      assertThat(host.expect(ParticipantLeft.class, l -> l.participantId().equals(victimId))).isNotNull();
      assertThat(metrics.disabledAccountDisconnects()).isGreaterThan(before);
    }
  }

  /// Issue 5 acceptance d end to end: an admin disables the user over REST; the user's live WebSocket closes
  /// within 2 s and their refresh token no longer works.
  @Test
  void adminDisableOverRestClosesTheSocketWithinTwoSecondsAndKillsTheRefreshToken() throws Exception {
    String name = "disable-" + UUID.randomUUID().toString().substring(0, 8);
    client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/v1/auth/register",
        new com.convene.model.api.RegisterRequest(name, name + "@example.test", "correct-horse-battery", null, null)));
    com.convene.model.api.LoginResponse tokens = login(name, "correct-horse-battery");
    try (SignalingClient victim = connect(tokens.accessToken())) {
      long start = System.nanoTime();
      client.toBlocking().exchange(io.micronaut.http.HttpRequest
          .POST("/api/v1/users/" + victim.userId + "/disable", "")
          .bearerAuth(adminToken()));
      int code = victim.awaitClose(DEADLINE_MILLIS);
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("SIGNALING admin disable (REST) -> socket closed %d ms (deadline %d ms)%n",
          elapsedMillis, DEADLINE_MILLIS);
      assertThat(code).isEqualTo(4403);
      assertThat(elapsedMillis).isLessThanOrEqualTo(DEADLINE_MILLIS);
    }
    var refused = expectError(() -> client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST(
        "/api/v1/auth/refresh", new com.convene.model.api.RefreshRequest(tokens.refreshToken()))));
    assertThat(refused.getStatus().getCode()).isEqualTo(401);
  }

  @Test
  void theAccountLifecycleListenerClosesEverySocketOfTheUserAtOnce() throws Exception {
    String token = newMemberToken();
    try (SignalingClient phone = connect(token);
        SignalingClient laptop = connect(token)) {
      long start = System.nanoTime();
      int closed = accountLifecycle.onAccountDisabled(UUID.fromString(phone.userId));
      int phoneCode = phone.awaitClose(DEADLINE_MILLIS);
      int laptopCode = laptop.awaitClose(DEADLINE_MILLIS);
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("SIGNALING disabled account (listener) -> %d sockets closed %d ms%n", closed, elapsedMillis);

      assertThat(closed).isEqualTo(2);
      assertThat(phoneCode).isEqualTo(4403);
      assertThat(laptopCode).isEqualTo(4403);
      assertThat(elapsedMillis).isLessThanOrEqualTo(DEADLINE_MILLIS);
    }
  }

  @Test
  void aStillValidTokenOfADisabledAccountGetsNoSession() throws Exception {
    String token = newMemberToken();
    String userId;
    try (SignalingClient first = connect(token)) {
      userId = first.userId;
    }
    setStatus(userId, "suspended");
    SignalingClient again = new SignalingClient(wsUri(), token);
    again.send(new Hello(Hello.PROTOCOL_VERSION, "signaling-it"));
    assertThat(again.awaitClose(DEADLINE_MILLIS)).isEqualTo(4403);
  }

  /// Commits a status change as an admin tool would (outside the application's transactions).
  private static void setStatus(String userId, String status) throws Exception {
    Map<String, String> p = TestServices.properties();
    try (Connection c = DriverManager.getConnection(p.get("datasources.default.url"),
            p.get("datasources.default.username"), p.getOrDefault("datasources.default.password", ""));
        PreparedStatement st = c.prepareStatement("UPDATE users SET status = ? WHERE user_id = ?")) {
      st.setString(1, status);
      st.setObject(2, UUID.fromString(userId));
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
  }
}
