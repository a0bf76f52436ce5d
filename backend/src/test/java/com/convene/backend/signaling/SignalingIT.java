package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.meeting.ParticipantService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.Welcome;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/// The signaling WebSocket end to end over a real socket, against real PostgreSQL and Redis (media is tested
/// in the e2e module): handshake, typed errors, join/leave with `meeting_participants` rows.
@MicronautTest
class SignalingIT extends BackendTestSupport {
  @Inject EmbeddedServer server;
  @Inject ParticipantService participants;

  private URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling");
  }

  private MeetingView scheduleMeeting(String token) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    Map<String, Object> body =
        Map.of(
            "title", "Signaling test",
            "scheduledStart", start.toString(),
            "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(),
            "timeZone", "Europe/Berlin",
            "waitingRoomEnabled", false);
    return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", body).bearerAuth(token), MeetingView.class);
  }

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(wsUri(), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "signaling-it"));
    c.expect(Welcome.class);
    return c;
  }

  @Test
  void refusesUpgradeWithoutToken() {
    assertThatThrownBy(() -> new SignalingClient(wsUri(), "not-a-jwt"))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            java.net.http.WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void answersMalformedFramesWithTypedErrorsAndKeepsTheSocket() throws Exception {
    try (SignalingClient c = new SignalingClient(wsUri(), adminToken())) {
      c.sendRaw("{not json");
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
      c.send(new JoinRequest("r0", "abc-defg-hij", "Early", false, false));
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.HELLO_REQUIRED);
      c.send(new Hello(1, "signaling-it"));
      c.expect(Welcome.class);
      c.sendRaw("{\"type\":\"no-such-message\"}");
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
      c.send(new JoinRequest("r1", "zzz-zzzz-zzz", "Nobody", false, false));
      SignalError notFound = c.expect(SignalError.class);
      assertThat(notFound.code()).isEqualTo(ErrorCode.MEETING_NOT_FOUND);
      assertThat(notFound.requestId()).isEqualTo("r1");
      c.send(new PublishOffer("r2", "v=0\r\n", List.of(new TrackSource("t", com.convene.model.signal.MediaSource.CAMERA))));
      assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.NOT_JOINED);
    }
  }

  @Test
  void closesWith4400OnUnsupportedProtocolVersion() throws Exception {
    SignalingClient c = new SignalingClient(wsUri(), adminToken());
    c.send(new Hello(99, "from-the-future"));
    assertThat(c.expect(SignalError.class).code()).isEqualTo(ErrorCode.PROTOCOL_VERSION_UNSUPPORTED);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (c.closeCode() < 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(c.closeCode()).isEqualTo(4400);
  }

  @Test
  void joinAndLeaveAreAnnouncedAndRecorded() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = scheduleMeeting(hostToken);
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      host.send(new JoinRequest("j1", meeting.joinCode(), "Hostess", false, false));
      Joined hostJoined = host.expect(Joined.class);
      assertThat(hostJoined.participants()).isEmpty();
      assertThat(hostJoined.meetingId()).isEqualTo(meeting.id().toString());

      guest.send(new JoinRequest("j2", meeting.id().toString(), "Guest", true, false));
      Joined guestJoined = guest.expect(Joined.class);
      assertThat(guestJoined.participants())
          .singleElement()
          .satisfies(p -> assertThat(p.role()).isEqualTo("host"));
      ParticipantJoined announced = host.expect(ParticipantJoined.class);
      assertThat(announced.participant().displayName()).isEqualTo("Guest");
      assertThat(announced.participant().audioMuted()).isTrue();

      guest.send(new SetMediaState("m1", false, true, false));
      ParticipantUpdated updated = host.expect(ParticipantUpdated.class);
      assertThat(updated.participant().videoMuted()).isTrue();

      guest.send(new LeaveRequest("l1"));
      assertThat(guest.expect(Left.class).requestId()).isEqualTo("l1");
      ParticipantLeft left = host.expect(ParticipantLeft.class);
      assertThat(left.participantId()).isEqualTo(guestJoined.participantId());

      // left_at reaches PostgreSQL through the outbox (decision 089): within milliseconds, not before Left
      var row = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> participants.find(UUID.fromString(guestJoined.participantId())).orElseThrow(),
              r -> r.leftAt() != null);
      assertThat(row.joinedAt()).isNotNull();
      assertThat(row.leftAt()).isNotNull();
    }
  }
}
