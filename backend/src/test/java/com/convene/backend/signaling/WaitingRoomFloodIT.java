package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.Waiting;
import com.convene.model.signal.WaitingRoomChanged;
import com.convene.model.signal.WaitingRoomUpdated;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Issue 15 finding 5 (waiting-room flood), replayed over real WebSockets against the real backend and Redis
/// (docs/decisions/092 and 093): 400 knocks of one member are cut to a few by the knock bucket, and each one costs
/// a host that declared `waiting-room-deltas` one small change message (not the whole list) on the way in and one
/// on the way out; the waiting room holds at most `waiting-room-max` joiners (10 here) and one user at most
/// `devices-per-user` (3) of them; a host without the capability keeps getting whole lists.
@MicronautTest(transactional = false)
@Property(name = "convene.room-capacity.waiting-room-max", value = "10")
class WaitingRoomFloodIT extends SignalingTestSupport {
  private static final Logger LOG = LoggerFactory.getLogger(WaitingRoomFloodIT.class);

  @Test
  void fourHundredKnocksOfOneMemberCostTheHostAFewSmallChangesNotWholeLists() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    try (SignalingClient host = connect(hostToken, List.of(Hello.WAITING_ROOM_DELTAS));
        SignalingClient legacyAdmin = connect(adminToken());
        SignalingClient knocker = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(legacyAdmin, meeting, "Admin");
      assertThat(host.expect(WaitingRoomChanged.class).reset()).isTrue();
      assertThat(legacyAdmin.expect(WaitingRoomUpdated.class).waiting()).isEmpty();
      Thread.sleep(300); // let the joins' own messages arrive before counting
      drain(host);
      long hostFramesBefore = host.framesReceived.get();
      long hostCharsBefore = host.charsReceived.get();

      int waited = 0;
      int limited = 0;
      long start = System.nanoTime();
      for (int i = 0; i < 400; i++) {
        knocker.send(new JoinRequest("k" + i, meeting.joinCode(), "Knocker", true, true));
        Signal answer = knocker.expect(Signal.class, s -> s instanceof Waiting || s instanceof SignalError);
        if (answer instanceof Waiting) {
          waited++;
          knocker.send(new LeaveRequest("l" + i));
          knocker.expect(Left.class);
        } else if (answer instanceof SignalError e && e.code() == ErrorCode.RATE_LIMITED) {
          assertThat(e.retryAfterMillis()).isNotNull().isPositive();
          limited++;
        }
      }
      long refilled = (System.nanoTime() - start) / 10_000_000_000L;
      assertThat(waited).isBetween(5, 5 + (int) refilled);
      assertThat(limited).isEqualTo(400 - waited);

      Thread.sleep(500);
      List<WaitingRoomChanged> changes = new ArrayList<>();
      Signal s;
      while ((s = host.poll(200)) != null) {
        if (s instanceof WaitingRoomChanged c) {
          changes.add(c);
        }
      }
      long hostFrames = host.framesReceived.get() - hostFramesBefore;
      long hostChars = host.charsReceived.get() - hostCharsBefore;
      LOG.info("Knock flood: 400 knocks -> {} waited, {} rate-limited; host got {} frames, {} characters",
          waited, limited, hostFrames, hostChars);
      assertThat(changes).hasSize(2 * waited);
      assertThat(changes).allMatch(c -> !c.reset() && c.added().size() + c.removed().size() == 1);
      assertThat(hostFrames).isEqualTo(2L * waited);
      assertThat(hostChars).isLessThan(200L * hostFrames);
      // the capability-less admin still sees the room as whole lists, one per change
      assertThat(legacyAdmin.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1)).isNotNull();
    }
  }

  @Test
  void theWaitingRoomHoldsAtMostItsCapAndOneUserAtMostThreeEntries() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    List<SignalingClient> sockets = new ArrayList<>();
    try {
      String oneUser = newMemberToken();
      int waited = 0;
      int tooManyDevices = 0;
      for (int i = 0; i < 5; i++) {
        SignalingClient c = connect(oneUser);
        sockets.add(c);
        c.send(new JoinRequest("d" + i, meeting.joinCode(), "Device " + i, true, true));
        Signal answer = c.expect(Signal.class, s -> s instanceof Waiting || s instanceof SignalError);
        if (answer instanceof Waiting) {
          waited++;
        } else if (((SignalError) answer).code() == ErrorCode.TOO_MANY_DEVICES) {
          tooManyDevices++;
        }
      }
      assertThat(waited).isEqualTo(3);
      assertThat(tooManyDevices).isEqualTo(2);

      int full = 0;
      for (int i = 0; i < 9; i++) {
        SignalingClient c = connect(newMemberToken());
        sockets.add(c);
        c.send(new JoinRequest("o" + i, meeting.joinCode(), "Other " + i, true, true));
        Signal answer = c.expect(Signal.class, s -> s instanceof Waiting || s instanceof SignalError);
        if (answer instanceof Waiting) {
          waited++;
        } else if (((SignalError) answer).code() == ErrorCode.WAITING_ROOM_FULL) {
          full++;
        }
      }
      assertThat(waited).isEqualTo(10);
      assertThat(full).isEqualTo(2);

      try (SignalingClient host = connect(hostToken, List.of(Hello.WAITING_ROOM_DELTAS))) {
        join(host, meeting, "Host");
        WaitingRoomChanged snapshot = host.expect(WaitingRoomChanged.class);
        assertThat(snapshot.reset()).isTrue();
        assertThat(snapshot.added()).hasSize(10);
      }
    } finally {
      sockets.forEach(SignalingClient::close);
    }
  }

  private static void drain(SignalingClient c) throws InterruptedException {
    while (c.poll(100) != null) {
      // discard
    }
  }
}
