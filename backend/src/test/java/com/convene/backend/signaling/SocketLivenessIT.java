package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.TestServices;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.Joined;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Dead-socket detection (docs/decisions/086-dead-socket-detection.md) with real WebSocket clients against the
/// real backend, with a 300 ms ping interval, a 1.5 s idle timeout and a 1 s resume grace: a client that goes
/// silent (stops reading, so the server's pings get no pongs) is closed as dead and the others see its
/// participant leave; a client that only answers pings, sending nothing itself, stays connected. `welcome` tells
/// clients the ping interval.
@MicronautTest
class SocketLivenessIT extends SignalingTestSupport {
  @Inject SignalingMetrics metrics;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestServices.properties());
    properties.put("convene.signaling.ping-interval", "300ms");
    properties.put("convene.signaling.idle-timeout", "1500ms");
    properties.put("convene.signaling.resume-grace", "1s");
    return properties;
  }

  @Test
  void aSilentClientIsClosedAndLeavesWhileAQuietOneThatAnswersPingsStays() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    long idleBefore = metrics.idleDisconnects();
    try (SignalingClient host = connect(hostToken);
        SignalingClient frozen = connect(newMemberToken())) {
      assertThat(host.pingIntervalMillis).as("announced in welcome").isEqualTo(300L);
      join(host, meeting, "Host");
      Joined guest = join(frozen, meeting, "Sleeper");
      host.expect(ParticipantJoined.class);

      long frozenAt = System.nanoTime();
      frozen.freeze();
      ParticipantLeft left = host.expect(ParticipantLeft.class);
      double afterSeconds = (System.nanoTime() - frozenAt) / 1e9;
      assertThat(left.participantId()).isEqualTo(guest.participantId());
      // idle timeout (1.5 s, checked every 0.3 s) plus the resume grace (1 s)
      assertThat(afterSeconds).isBetween(2.0, 8.0);
      assertThat(metrics.idleDisconnects()).isGreaterThan(idleBefore);
      System.out.printf("LIVENESS silent client left the room %.1f s after it froze%n", afterSeconds);

      // the host sent nothing for those seconds but answered every ping: still connected and served
      assertThat(host.closeCode()).isEqualTo(-1);
      host.send(new ChatSend("still-here", "anyone?"));
      assertThat(host.expect(ChatMessage.class).message().content()).isEqualTo("anyone?");
    }
  }
}
