package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.room.RoomStateService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.AdmitRequest;
import com.convene.model.signal.DenyRequest;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.LockRoomRequest;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.MediaStopped;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.Waiting;
import com.convene.model.signal.WaitingRoomUpdated;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Meeting rules enforced by the backend at join and during the call (issue 5), over a real socket against real
/// PostgreSQL and Redis: password, waiting room (Redis `waiting_room_users`), lock, `max_participants`,
/// `mute_on_entry`, `allow_screen_share` and `allow_chat`.
@MicronautTest(transactional = false)
class MeetingRulesIT extends SignalingTestSupport {
  @Inject RoomStateService roomState;
  @Inject ParticipantService participants;
  @Inject SignalingMetrics metrics;

  @Test
  void refusesMissingAndWrongPasswordsWithTypedErrorsAndAdmitsTheRightOne() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken,
        Map.of("requirePassword", true, "password", "open-sesame", "waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host without password");

      guest.send(new JoinRequest("p1", meeting.joinCode(), "Guest", false, false));
      SignalError missing = guest.expect(SignalError.class);
      assertThat(missing.code()).isEqualTo(ErrorCode.MEETING_PASSWORD_REQUIRED);
      assertThat(missing.requestId()).isEqualTo("p1");

      long wrongBefore = metrics.wrongMeetingPasswords();
      guest.send(new JoinRequest("p2", meeting.joinCode(), "Guest", false, false, "open-sesame!"));
      SignalError wrong = guest.expect(SignalError.class);
      assertThat(wrong.code()).isEqualTo(ErrorCode.MEETING_PASSWORD_WRONG);
      assertThat(wrong.requestId()).isEqualTo("p2");
      assertThat(metrics.wrongMeetingPasswords()).isGreaterThan(wrongBefore);

      guest.send(new JoinRequest("p3", meeting.joinCode(), "Guest", false, false, "open-sesame"));
      assertThat(guest.expect(Joined.class).requestId()).isEqualTo("p3");
    }
  }

  @Test
  void waitingRoomHoldsJoinersUntilTheHostAdmitsOrDeniesThem() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    UUID meetingId = meeting.id();
    try (SignalingClient host = connect(hostToken);
        SignalingClient ann = connect(newMemberToken());
        SignalingClient ben = connect(newMemberToken());
        SignalingClient cid = connect(newMemberToken())) {
      join(host, meeting, "Host");
      assertThat(host.expect(WaitingRoomUpdated.class).waiting()).isEmpty();

      ann.send(new JoinRequest("a1", meeting.joinCode(), "Ann", false, false));
      Waiting annWaiting = ann.expect(Waiting.class);
      assertThat(annWaiting.requestId()).isEqualTo("a1");
      assertThat(annWaiting.meetingId()).isEqualTo(meetingId.toString());
      WaitingRoomUpdated queue = host.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1);
      assertThat(queue.waiting().getFirst().displayName()).isEqualTo("Ann");
      assertThat(queue.waiting().getFirst().waitingId()).isEqualTo(annWaiting.waitingId());
      assertThat(roomState.findRoom(meetingId).orElseThrow().waitingRoomUsers()).containsExactly(ann.userId);
      // waiting is not joined: no participant row yet, publishing is refused
      assertThat(participants.countPresent(meetingId)).isEqualTo(1);
      ann.send(new PublishOffer("a2", "v=0\r\n", List.of()));
      assertThat(ann.expect(SignalError.class).code()).isEqualTo(ErrorCode.NOT_JOINED);

      ben.send(new JoinRequest("b1", meeting.joinCode(), "Ben", false, false));
      Waiting benWaiting = ben.expect(Waiting.class);
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 2);

      host.send(new AdmitRequest("h1", annWaiting.waitingId()));
      Joined annJoined = ann.expect(Joined.class);
      assertThat(annJoined.requestId()).isEqualTo("a1");
      // the host's queue shrinks first (same thread as its admit), then Ann's arrival is announced
      assertThat(host.expect(WaitingRoomUpdated.class).waiting())
          .extracting(w -> w.displayName()).containsExactly("Ben");
      assertThat(host.expect(ParticipantJoined.class).participant().displayName()).isEqualTo("Ann");
      var room = roomState.findRoom(meetingId).orElseThrow();
      assertThat(room.activeParticipants()).contains(ann.userId);
      assertThat(room.waitingRoomUsers()).containsExactly(ben.userId);

      // an admitted participant is no host: it cannot admit or deny
      ann.send(new DenyRequest("a3", benWaiting.waitingId()));
      assertThat(ann.expect(SignalError.class).code()).isEqualTo(ErrorCode.FORBIDDEN);

      host.send(new DenyRequest("h2", benWaiting.waitingId()));
      SignalError denied = ben.expect(SignalError.class);
      assertThat(denied.code()).isEqualTo(ErrorCode.ADMISSION_DENIED);
      assertThat(denied.requestId()).isEqualTo("b1");
      assertThat(host.expect(WaitingRoomUpdated.class).waiting()).isEmpty();
      host.send(new AdmitRequest("h3", benWaiting.waitingId()));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.PARTICIPANT_NOT_FOUND);

      cid.send(new JoinRequest("c1", meeting.joinCode(), "Cid", false, false));
      cid.expect(Waiting.class);
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1);
      cid.send(new LeaveRequest("c2"));
      assertThat(cid.expect(Left.class).requestId()).isEqualTo("c2");
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().isEmpty());
      assertThat(roomState.findRoom(meetingId).orElseThrow().waitingRoomUsers()).isEmpty();
    }
  }

  @Test
  void aWaitingJoinerWhoDisconnectsLeavesTheQueue() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    try (SignalingClient host = connect(hostToken)) {
      join(host, meeting, "Host");
      SignalingClient dan = connect(newMemberToken());
      dan.send(new JoinRequest("d1", meeting.joinCode(), "Dan", false, false));
      dan.expect(Waiting.class);
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1);
      dan.close();
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().isEmpty());
    }
  }

  @Test
  void aLockedRoomRefusesNewcomersButNotTheHost() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    String guestToken = newMemberToken();
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(guestToken);
        SignalingClient hostSecondDevice = connect(hostToken)) {
      join(host, meeting, "Host");
      assertThat(host.expect(RoomUpdated.class).locked()).isFalse();
      host.send(new LockRoomRequest("l1", true));
      assertThat(host.expect(RoomUpdated.class).locked()).isTrue();

      guest.send(new JoinRequest("g1", meeting.joinCode(), "Guest", false, false));
      SignalError locked = guest.expect(SignalError.class);
      assertThat(locked.code()).isEqualTo(ErrorCode.MEETING_LOCKED);
      join(hostSecondDevice, meeting, "Host again");
      assertThat(hostSecondDevice.expect(RoomUpdated.class).locked()).isTrue();

      host.send(new LockRoomRequest("l2", false));
      host.expect(RoomUpdated.class, r -> !r.locked());
      join(guest, meeting, "Guest");
    }
  }

  @Test
  void refusesJoinersBeyondMaxParticipants() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "maxParticipants", 2));
    try (SignalingClient host = connect(hostToken);
        SignalingClient second = connect(newMemberToken());
        SignalingClient third = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(second, meeting, "Second");
      third.send(new JoinRequest("t1", meeting.joinCode(), "Third", false, false));
      assertThat(third.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_FULL);
    }
  }

  @Test
  void muteOnEntryMutesJoinersAndTellsThem() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting =
        scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "muteOnEntry", true));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      guest.send(new JoinRequest("m1", meeting.joinCode(), "Guest", false, false));
      Joined joined = guest.expect(Joined.class);
      ParticipantUpdated self = guest.expect(ParticipantUpdated.class);
      assertThat(self.participant().participantId()).isEqualTo(joined.participantId());
      assertThat(self.participant().audioMuted()).isTrue();
      MediaStopped told = guest.expect(MediaStopped.class);
      assertThat(told.source()).isEqualTo(MediaSource.MICROPHONE);
      assertThat(told.reason()).isEqualTo("mute-on-entry");
      assertThat(host.expect(ParticipantJoined.class).participant().audioMuted()).isTrue();
      var row = participants.find(UUID.fromString(joined.participantId())).orElseThrow();
      assertThat(row.isMuted()).isTrue();
    }
  }

  @Test
  void screenShareAndChatRulesReachTheRoom() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken,
        Map.of("waitingRoomEnabled", false, "allowScreenShare", false, "allowChat", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(guest, meeting, "Guest");
      RoomUpdated rules = guest.expect(RoomUpdated.class);
      assertThat(rules.screenShareAllowed()).isFalse();
      assertThat(rules.chatAllowed()).isFalse();

      List<TrackSource> screen = List.of(new TrackSource("t-screen", MediaSource.SCREEN));
      guest.send(new PublishOffer("s1", "v=0\r\n", screen));
      SignalError refused = guest.expect(SignalError.class);
      assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(refused.requestId()).isEqualTo("s1");
      // the host passes the rule; its toy SDP then fails negotiation, which shows the rule let it through
      host.send(new PublishOffer("s2", "v=0\r\n", screen));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.SDP_REJECTED);
    }
  }
}
