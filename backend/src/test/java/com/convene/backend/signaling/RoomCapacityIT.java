package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Issue 15 finding 1 (room filling), replayed over real WebSockets against the real backend, PostgreSQL and Redis
/// (docs/decisions/092-room-capacity.md): one member's many sockets hold at most `devices-per-user` (3) places,
/// seats are held for the host and admins, and participants held for a resume do not keep the room full.
@MicronautTest(transactional = false)
class RoomCapacityIT extends SignalingTestSupport {
  private static final Logger LOG = LoggerFactory.getLogger(RoomCapacityIT.class);
  @Test
  void oneMemberWithAHundredSocketsGetsThreePlacesAndTheHostAdminAndOthersStillJoin() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "maxParticipants", 100));
    String attackerToken = newMemberToken();
    List<SignalingClient> sockets = new ArrayList<>();
    try {
      int joined = 0;
      int tooManyDevices = 0;
      for (int i = 0; i < 100; i++) {
        SignalingClient c = connect(attackerToken);
        sockets.add(c);
        c.send(new JoinRequest("a" + i, meeting.joinCode(), "Filler " + i, true, true));
        Signal answer = c.expect(Signal.class, s -> s instanceof Joined || s instanceof SignalError);
        if (answer instanceof Joined) {
          joined++;
        } else if (((SignalError) answer).code() == ErrorCode.TOO_MANY_DEVICES) {
          tooManyDevices++;
        }
      }
      LOG.info("Room filling: 100 sockets of one member -> {} joined, {} TOO_MANY_DEVICES", joined, tooManyDevices);
      assertThat(joined).isEqualTo(3);
      assertThat(tooManyDevices).isEqualTo(97);
      assertThat(openRowsOf(meeting.id(), sockets.getFirst().userId)).isEqualTo(3);

      try (SignalingClient host = connect(hostToken);
          SignalingClient admin = connect(adminToken());
          SignalingClient other = connect(newMemberToken())) {
        join(host, meeting, "Host");
        join(admin, meeting, "Admin");
        join(other, meeting, "Someone else");
      }
    } finally {
      sockets.forEach(SignalingClient::close);
    }
  }

  @Test
  void seatsHeldForTheHostAndAnAdminStayFreeWhenMembersFillTheRoom() throws Exception {
    String hostToken = newMemberToken();
    // 4 seats, 2 held for the host and admins: two members fill what members may take
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "maxParticipants", 4));
    try (SignalingClient first = connect(newMemberToken());
        SignalingClient second = connect(newMemberToken());
        SignalingClient third = connect(newMemberToken());
        SignalingClient host = connect(hostToken);
        SignalingClient admin = connect(adminToken());
        SignalingClient late = connect(newMemberToken())) {
      join(first, meeting, "First");
      join(second, meeting, "Second");
      third.send(new JoinRequest("t1", meeting.joinCode(), "Third", false, false));
      assertThat(third.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_FULL);

      join(host, meeting, "Host");
      join(admin, meeting, "Admin");
      late.send(new JoinRequest("l1", meeting.joinCode(), "Late", false, false));
      assertThat(late.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_FULL);
    }
  }

  @Test
  void aParticipantHeldForResumeDoesNotKeepItsSeatFromANewJoiner() throws Exception {
    String hostToken = newMemberToken();
    // 3 seats, the host in: one seat left for members (the other held seat is for an admin)
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "maxParticipants", 3));
    try (SignalingClient host = connect(hostToken);
        SignalingClient waiting = connect(newMemberToken())) {
      join(host, meeting, "Host");
      SignalingClient dropped = connect(newMemberToken());
      join(dropped, meeting, "Dropped");
      waiting.send(new JoinRequest("w1", meeting.joinCode(), "Next", false, false));
      assertThat(waiting.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_FULL);

      dropped.close(); // no leave: the server holds the participant for its 20 s resume grace
      long deadline = System.nanoTime() + 5_000_000_000L;
      Signal answer;
      int attempt = 0;
      do {
        Thread.sleep(200);
        waiting.send(new JoinRequest("w" + (++attempt + 1), meeting.joinCode(), "Next", false, false));
        answer = waiting.expect(Signal.class, s -> s instanceof Joined || s instanceof SignalError);
      } while (answer instanceof SignalError && System.nanoTime() < deadline);
      assertThat(answer).isInstanceOf(Joined.class);
      // well inside the grace period: the dropped participant is still a member of the room
      assertThat(((Joined) answer).participants()).extracting(p -> p.displayName()).contains("Dropped");
    }
  }

  private long openRowsOf(UUID meetingId, String userId) throws Exception {
    return count("SELECT count(*) FROM meeting_participants WHERE meeting_id = ? AND user_id = ? AND left_at IS NULL",
        meetingId, UUID.fromString(userId));
  }
}
