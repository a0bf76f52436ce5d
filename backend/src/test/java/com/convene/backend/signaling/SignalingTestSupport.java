package com.convene.backend.signaling;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.Welcome;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/// Helpers of the signaling ITs: schedule a meeting with given rules, open a signaling socket past `hello`.
abstract class SignalingTestSupport extends BackendTestSupport {
  @Inject EmbeddedServer server;
  @Inject javax.sql.DataSource managedDataSource;

  /// Runs a `SELECT count(*) ...` with `params` on a connection of its own (no test transaction) and returns it.
  long count(String sql, Object... params) throws java.sql.SQLException {
    javax.sql.DataSource ds =
        io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(managedDataSource);
    try (java.sql.Connection c = ds.getConnection();
        java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling");
  }

  /// Schedules a meeting as `token`'s user with `settings` (API field names) over the server's defaults.
  MeetingView scheduleMeeting(String token, Map<String, Object> settings) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    Map<String, Object> body = new HashMap<>(settings);
    body.put("title", "Rules test");
    body.put("scheduledStart", start.toString());
    body.put("scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString());
    return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", body).bearerAuth(token), MeetingView.class);
  }

  /// Opens a socket and completes the hello/welcome handshake.
  SignalingClient connect(String token) throws InterruptedException {
    return connect(token, java.util.List.of());
  }

  /// Opens a socket whose `hello` declares `capabilities` and completes the handshake.
  SignalingClient connect(String token, java.util.List<String> capabilities) throws InterruptedException {
    SignalingClient c = new SignalingClient(wsUri(), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "signaling-it", capabilities));
    Welcome welcome = c.expect(Welcome.class);
    c.userId = welcome.userId();
    c.pingIntervalMillis = welcome.pingIntervalMillis();
    return c;
  }

  /// Joins without password and expects `Joined`.
  Joined join(SignalingClient c, MeetingView meeting, String name) throws InterruptedException {
    String requestId = "j-" + UUID.randomUUID();
    c.send(new JoinRequest(requestId, meeting.joinCode(), name, false, false));
    return c.expect(Joined.class, j -> j.requestId().equals(requestId));
  }
}
