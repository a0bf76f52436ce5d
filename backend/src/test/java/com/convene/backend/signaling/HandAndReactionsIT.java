package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Joined;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.RaiseHand;
import com.convene.model.signal.ReactionReceived;
import com.convene.model.signal.SendReaction;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Raise hand and reactions over signaling (issue 7), against real PostgreSQL and Redis: the hand is part of
/// the participant state everyone sees (joiners included); reactions reach everyone, the sender too.
@MicronautTest(transactional = false)
class HandAndReactionsIT extends SignalingTestSupport {
  private static final String THUMBS_UP = "\uD83D\uDC4D";

  @Test
  void raisedHandIsSeenByEveryoneAndByLateJoiners() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      String guestId = join(guest, meeting, "Guest").participantId();

      guest.send(new RaiseHand("h1", true));
      // earlier updates (the join's media state) may come first: wait for the one with the hand
      assertThat(host.expect(ParticipantUpdated.class,
          u -> u.participant().participantId().equals(guestId) && u.participant().handRaised())).isNotNull();
      assertThat(guest.expect(ParticipantUpdated.class,
          u -> u.participant().participantId().equals(guestId) && u.participant().handRaised())).isNotNull();

      try (SignalingClient late = connect(newMemberToken())) {
        Joined joined = join(late, meeting, "Late");
        ParticipantInfo seen = joined.participants().stream()
            .filter(p -> p.participantId().equals(guestId)).findFirst().orElseThrow();
        assertThat(seen.handRaised()).isTrue();
      }

      guest.send(new RaiseHand("h2", false));
      assertThat(host.expect(ParticipantUpdated.class,
          u -> u.participant().participantId().equals(guestId) && !u.participant().handRaised())).isNotNull();
    }
  }

  @Test
  void reactionsReachEveryoneIncludingTheSender() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      join(host, meeting, "Host");
      String guestId = join(guest, meeting, "Guest").participantId();

      guest.send(new SendReaction("r1", THUMBS_UP));
      ReactionReceived atHost = host.expect(ReactionReceived.class);
      assertThat(atHost.participantId()).isEqualTo(guestId);
      assertThat(atHost.emoji()).isEqualTo(THUMBS_UP);
      assertThat(guest.expect(ReactionReceived.class).participantId()).isEqualTo(guestId);
    }
  }

  @Test
  void handAndReactionsNeedAJoinedMeeting() throws Exception {
    try (SignalingClient loner = connect(newMemberToken())) {
      loner.send(new RaiseHand("h1", true));
      assertThat(loner.expect(SignalError.class).code()).isEqualTo(ErrorCode.NOT_JOINED);
      loner.send(new SendReaction("r1", THUMBS_UP));
      assertThat(loner.expect(SignalError.class).code()).isEqualTo(ErrorCode.NOT_JOINED);
    }
  }
}
