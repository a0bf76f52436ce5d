package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.room.RoomStateService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.AdmitRequest;
import com.convene.model.signal.DenyRequest;
import com.convene.model.signal.EndMeetingRequest;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.Left;
import com.convene.model.signal.LockRoomRequest;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.MediaStopped;
import com.convene.model.signal.MuteAllRequest;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.RemoveParticipantRequest;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.StopMediaRequest;
import com.convene.model.signal.TransferHostRequest;
import com.convene.model.signal.Waiting;
import com.convene.model.signal.WaitingRoomUpdated;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Host controls over signaling (issue 5), against real PostgreSQL and Redis: mute one and all, stop camera and
/// screen share, remove, end the meeting for all, hand over host, lock; only the host or an admin may.
@MicronautTest(transactional = false)
class HostControlsIT extends SignalingTestSupport {
  @Inject RoomStateService roomState;
  @Inject ParticipantService participants;

  private MeetingView openMeeting(String hostToken) {
    return scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
  }

  @Test
  void hostMutesOneParticipantWhoIsToldAndMayUnmuteItself() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = openMeeting(hostToken);
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      Joined guestJoined = join(guest, meeting, "Guest");
      String guestId = guestJoined.participantId();

      host.send(new StopMediaRequest("m1", guestId, MediaSource.MICROPHONE));
      MediaStopped told = guest.expect(MediaStopped.class);
      assertThat(told.source()).isEqualTo(MediaSource.MICROPHONE);
      assertThat(told.reason()).isEqualTo("host");
      assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(guestId))
          .participant().audioMuted()).isTrue();
      assertThat(roomState.findSession(UUID.fromString(guestId)).orElseThrow().isMuted()).isTrue();

      // unmuting stays the participant's own choice
      guest.send(new SetMediaState("u1", false, false, false));
      assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(guestId))
          .participant().audioMuted()).isFalse();
    }
  }

  @Test
  void hostMutesEveryoneElse() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = openMeeting(hostToken);
    try (SignalingClient host = connect(hostToken);
        SignalingClient ann = connect(newMemberToken());
        SignalingClient ben = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(ann, meeting, "Ann");
      join(ben, meeting, "Ben");
      host.send(new MuteAllRequest("all"));
      assertThat(ann.expect(MediaStopped.class).source()).isEqualTo(MediaSource.MICROPHONE);
      assertThat(ben.expect(MediaStopped.class).source()).isEqualTo(MediaSource.MICROPHONE);
      host.expectNone(MediaStopped.class, 300);
    }
  }

  @Test
  void hostStopsCameraAndScreenShare() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = openMeeting(hostToken);
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      String guestId = join(guest, meeting, "Guest").participantId();
      guest.send(new SetMediaState("s1", false, false, true));
      host.expect(ParticipantUpdated.class, u -> u.participant().screenSharing());

      host.send(new StopMediaRequest("c1", guestId, MediaSource.CAMERA));
      assertThat(guest.expect(MediaStopped.class).source()).isEqualTo(MediaSource.CAMERA);
      assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(guestId))
          .participant().videoMuted()).isTrue();

      host.send(new StopMediaRequest("c2", guestId, MediaSource.SCREEN));
      assertThat(guest.expect(MediaStopped.class).source()).isEqualTo(MediaSource.SCREEN);
      assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(guestId))
          .participant().screenSharing()).isFalse();
      assertThat(roomState.findSession(UUID.fromString(guestId)).orElseThrow().isVideoOn()).isFalse();

      host.send(new StopMediaRequest("c3", UUID.randomUUID().toString(), MediaSource.CAMERA));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.PARTICIPANT_NOT_FOUND);
    }
  }

  @Test
  void everyHostControlIsForbiddenToOrdinaryParticipants() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = openMeeting(hostToken);
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      String hostId = join(host, meeting, "Host").participantId();
      join(guest, meeting, "Guest");
      List<Signal> controls = List.of(
          new StopMediaRequest("f1", hostId, MediaSource.MICROPHONE),
          new StopMediaRequest("f2", hostId, MediaSource.CAMERA),
          new StopMediaRequest("f3", hostId, MediaSource.SCREEN),
          new MuteAllRequest("f4"),
          new RemoveParticipantRequest("f5", hostId),
          new EndMeetingRequest("f6"),
          new TransferHostRequest("f7", hostId),
          new LockRoomRequest("f8", true),
          new AdmitRequest("f9", "nobody"),
          new DenyRequest("f10", "nobody"));
      for (Signal control : controls) {
        guest.send(control);
        SignalError refused = guest.expect(SignalError.class);
        assertThat(refused.code()).as(control.toString()).isEqualTo(ErrorCode.FORBIDDEN);
      }
      host.expectNone(MediaStopped.class, 300);
      assertThat(getMeeting(hostToken, meeting).status()).isEqualTo("live");
    }
  }

  @Test
  void removedParticipantLeavesAndCannotRejoin() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = openMeeting(hostToken);
    String guestToken = newMemberToken();
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(guestToken)) {
      join(host, meeting, "Host");
      String guestId = join(guest, meeting, "Guest").participantId();
      host.send(new RemoveParticipantRequest("r1", guestId));
      Left left = guest.expect(Left.class);
      assertThat(left.reason()).isEqualTo("removed");
      assertThat(host.expect(ParticipantLeft.class).reason()).isEqualTo("removed");
      // left_at reaches PostgreSQL through the outbox (decision 089): within milliseconds, not before Left
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> participants.find(UUID.fromString(guestId)).orElseThrow().leftAt() != null);

      guest.send(new JoinRequest("again", meeting.joinCode(), "Guest", false, false));
      assertThat(guest.expect(SignalError.class).code()).isEqualTo(ErrorCode.REMOVED_FROM_MEETING);
    }
  }

  @Test
  void endingTheMeetingSendsEveryoneAwayAndClosesIt() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    try (SignalingClient host = connect(hostToken);
        SignalingClient hostLaptop = connect(hostToken);
        SignalingClient waiter = connect(newMemberToken());
        SignalingClient late = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(hostLaptop, meeting, "Host laptop");
      waiter.send(new JoinRequest("w1", meeting.joinCode(), "Waiter", false, false));
      waiter.expect(Waiting.class);
      host.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1);

      host.send(new EndMeetingRequest("end"));
      Left hostLeft = host.expect(Left.class);
      assertThat(hostLeft.requestId()).isEqualTo("end");
      assertThat(hostLeft.reason()).isEqualTo("meeting-ended");
      assertThat(hostLaptop.expect(Left.class).reason()).isEqualTo("meeting-ended");
      assertThat(waiter.expect(Left.class).reason()).isEqualTo("meeting-ended");
      // the end reaches PostgreSQL through the outbox (decision 089): within milliseconds, not before Left
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> getMeeting(hostToken, meeting).status().equals("ended"));

      late.send(new JoinRequest("l1", meeting.joinCode(), "Late", false, false));
      assertThat(late.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_CLOSED);
    }
  }

  @Test
  void stoppingTheConferenceOverRestEndsTheLiveRoom() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(guest, meeting, "Guest");

      client.toBlocking().exchange(HttpRequest.POST("/conferences/stop",
          new com.convene.model.api.ConferenceRequest(meeting.id())).bearerAuth(hostToken));

      assertThat(host.expect(Left.class).reason()).isEqualTo("meeting-ended");
      assertThat(guest.expect(Left.class).reason()).isEqualTo("meeting-ended");
      assertThat(getMeeting(hostToken, meeting).status()).isEqualTo("ended");
    }
  }

  @Test
  void hostHandsOverAndTheOldHostLosesItsControls() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    try (SignalingClient host = connect(hostToken);
        SignalingClient heir = connect(newMemberToken());
        SignalingClient waiter = connect(newMemberToken())) {
      String hostId = join(host, meeting, "Host").participantId();
      heir.send(new JoinRequest("h1", meeting.joinCode(), "Heir", false, false));
      String heirWaitingId = heir.expect(Waiting.class).waitingId();
      host.send(new AdmitRequest("a1", heirWaitingId));
      String heirId = heir.expect(Joined.class).participantId();

      host.send(new TransferHostRequest("t1", heirId));
      assertThat(host.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(heirId))
          .participant().role()).isEqualTo("host");
      assertThat(heir.expect(ParticipantUpdated.class, u -> u.participant().participantId().equals(hostId))
          .participant().role()).isEqualTo("participant");
      heir.expect(WaitingRoomUpdated.class);

      // the new host sees the queue and may act; the old host may not
      waiter.send(new JoinRequest("w1", meeting.joinCode(), "Waiter", false, false));
      waiter.expect(Waiting.class);
      heir.expect(WaitingRoomUpdated.class, u -> u.waiting().size() == 1);
      host.send(new StopMediaRequest("m1", heirId, MediaSource.MICROPHONE));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.FORBIDDEN);
      heir.send(new StopMediaRequest("m2", hostId, MediaSource.MICROPHONE));
      assertThat(host.expect(MediaStopped.class).reason()).isEqualTo("host");
    }
  }

  @Test
  void anAdminMayUseHostControlsInSomeoneElsesMeeting() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", true));
    try (SignalingClient host = connect(hostToken);
        SignalingClient admin = connect(adminToken())) {
      String hostId = join(host, meeting, "Host").participantId();
      // admins skip the waiting room
      join(admin, meeting, "Admin");
      admin.expect(WaitingRoomUpdated.class);
      admin.send(new StopMediaRequest("a1", hostId, MediaSource.MICROPHONE));
      assertThat(host.expect(MediaStopped.class).source()).isEqualTo(MediaSource.MICROPHONE);
    }
  }

  private MeetingView getMeeting(String token, MeetingView meeting) {
    return client.toBlocking().retrieve(
        HttpRequest.GET("/api/v1/meetings/" + meeting.id()).bearerAuth(token), MeetingView.class);
  }
}
