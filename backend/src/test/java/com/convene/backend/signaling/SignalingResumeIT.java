package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.TestServices;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Joined;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ResumeRequest;
import com.convene.model.signal.Resumed;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Resume after a lost signaling socket (docs/decisions/080-signaling-resume.md) with real WebSocket clients
/// against the real backend, PostgreSQL and Redis, with a 4 s grace period: a participant whose socket closed
/// without `leave` stays in the room, gets what it missed after `resume` on a new socket as the same participant,
/// and carries on there; after the grace period the others see it leave and a resume is refused; a wrong token
/// or another user's socket is refused and changes nothing.
@MicronautTest
class SignalingResumeIT extends SignalingTestSupport {
  @Inject SignalingMetrics metrics;
  @Inject ResumableSessions resumables;

  /// Waits until the server has seen the socket close and holds the participant for a resume.
  private void awaitDetached(String participantId) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .until(() -> resumables.find(participantId).map(SignalingSession::detached).orElse(false));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestServices.properties());
    properties.put("convene.signaling.resume-grace", "4s");
    return properties;
  }

  @Test
  void resumeWithinGraceKeepsTheParticipantAndDeliversWhatWasSentInTheGap() throws Exception {
    String hostToken = newMemberToken();
    String guestToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    long resumedBefore = metrics.resumes(SignalingMetrics.ResumeOutcome.RESUMED);
    try (SignalingClient host = connect(hostToken);
        SignalingClient witness = connect(newMemberToken())) {
      join(host, meeting, "Host");
      join(witness, meeting, "Witness");
      SignalingClient lost = connect(guestToken);
      Joined guest = join(lost, meeting, "Guest");
      assertThat(guest.resumeToken()).hasSize(22).matches("[A-Za-z0-9_-]+");
      host.expect(ParticipantJoined.class);

      lost.close();
      awaitDetached(guest.participantId());
      host.send(new ChatSend("gap-1", "said while you were away"));
      host.expect(ChatMessage.class, m -> m.message().clientMessageId().equals("gap-1"));
      // the sender's acknowledgement comes on store; the room gets the message through the chat stream: once a
      // witness has it, the detached guest's buffer has it too (decision 024)
      witness.expect(ChatMessage.class, m -> m.message().clientMessageId().equals("gap-1"));

      try (SignalingClient back = connect(guestToken)) {
        back.send(new ResumeRequest("r-1", guest.participantId(), guest.resumeToken()));
        Resumed resumed = back.expect(Resumed.class);
        assertThat(resumed.requestId()).isEqualTo("r-1");
        assertThat(resumed.participantId()).isEqualTo(guest.participantId());
        assertThat(resumed.meetingId()).isEqualTo(guest.meetingId());
        assertThat(resumed.resumeToken()).isNotEqualTo(guest.resumeToken());
        assertThat(resumed.missedMessages()).isPositive();
        ChatMessage missed = back.expect(ChatMessage.class);
        assertThat(missed.message().content()).isEqualTo("said while you were away");

        // the new socket now speaks for the same participant
        back.send(new ChatSend("after-1", "back again"));
        ChatMessage relayed = host.expect(ChatMessage.class, m -> m.message().clientMessageId().equals("after-1"));
        assertThat(relayed.message().senderParticipantId()).isEqualTo(guest.participantId());
        // the grace timer of the detachment does nothing now
        host.expectNone(ParticipantLeft.class, 5_000);
      }
      ParticipantLeft left = host.expect(ParticipantLeft.class);
      assertThat(left.participantId()).isEqualTo(guest.participantId());
    }
    assertThat(metrics.resumes(SignalingMetrics.ResumeOutcome.RESUMED)).isEqualTo(resumedBefore + 1);
  }

  @Test
  void afterTheGracePeriodOthersSeeTheParticipantLeaveAndResumeIsRefused() throws Exception {
    String hostToken = newMemberToken();
    String guestToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    long expiredBefore = metrics.resumes(SignalingMetrics.ResumeOutcome.EXPIRED);
    try (SignalingClient host = connect(hostToken)) {
      join(host, meeting, "Host");
      SignalingClient lost = connect(guestToken);
      Joined guest = join(lost, meeting, "Guest");
      host.expect(ParticipantJoined.class);

      long closedAt = System.nanoTime();
      lost.close();
      host.expectNone(ParticipantLeft.class, 3_000);
      ParticipantLeft left = host.expect(ParticipantLeft.class);
      double afterSeconds = (System.nanoTime() - closedAt) / 1e9;
      assertThat(left.participantId()).isEqualTo(guest.participantId());
      assertThat(afterSeconds).isBetween(3.5, 9.0);

      try (SignalingClient back = connect(guestToken)) {
        back.send(new ResumeRequest("r-2", guest.participantId(), guest.resumeToken()));
        SignalError refused = back.expect(SignalError.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.RESUME_REJECTED);
        assertThat(refused.requestId()).isEqualTo("r-2");
      }
    }
    assertThat(metrics.resumes(SignalingMetrics.ResumeOutcome.EXPIRED)).isEqualTo(expiredBefore + 1);
  }

  @Test
  void wrongTokenOtherUserOrUnknownParticipantIsRefusedAndChangesNothing() throws Exception {
    String hostToken = newMemberToken();
    String guestToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken)) {
      join(host, meeting, "Host");
      SignalingClient lost = connect(guestToken);
      Joined guest = join(lost, meeting, "Guest");
      host.expect(ParticipantJoined.class);
      lost.close();
      awaitDetached(guest.participantId());

      try (SignalingClient intruder = connect(newMemberToken())) {
        intruder.send(new ResumeRequest("r-3", guest.participantId(), guest.resumeToken()));
        assertThat(intruder.expect(SignalError.class).code()).isEqualTo(ErrorCode.RESUME_REJECTED);
      }
      try (SignalingClient wrong = connect(guestToken)) {
        wrong.send(new ResumeRequest("r-4", guest.participantId(), "AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(wrong.expect(SignalError.class).code()).isEqualTo(ErrorCode.RESUME_REJECTED);
        wrong.send(new ResumeRequest("r-5", UUID.randomUUID().toString(), guest.resumeToken()));
        assertThat(wrong.expect(SignalError.class).code()).isEqualTo(ErrorCode.RESUME_REJECTED);
      }
      try (SignalingClient back = connect(guestToken)) {
        back.send(new ResumeRequest("r-6", guest.participantId(), guest.resumeToken()));
        assertThat(back.expect(Resumed.class).participantId()).isEqualTo(guest.participantId());
        back.send(new com.convene.model.signal.LeaveRequest("l-1"));
        back.expect(com.convene.model.signal.Left.class);
      }
      assertThat(host.expect(ParticipantLeft.class).participantId()).isEqualTo(guest.participantId());
    }
  }
}
