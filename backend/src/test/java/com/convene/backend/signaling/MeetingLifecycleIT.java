package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.backend.TestServices;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.Participant;
import com.convene.backend.meeting.ParticipantService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/// The meeting lifecycle end to end (docs/decisions/042-meeting-lifecycle-and-reaper.md): real signaling over
/// WebSocket against real PostgreSQL and Redis, with a grace period of 3 s. When everyone has left, the meeting
/// stays `live` during the grace and is ended after it, at its last leave, with `duration_minutes` and every
/// participant's `left_at`; someone coming back within the grace joins the same meeting, which stays live.
@MicronautTest
class MeetingLifecycleIT extends SignalingTestSupport {
  private static final Duration GRACE = Duration.ofSeconds(3);

  @Inject MeetingService meetings;
  @Inject ParticipantService participants;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("micronaut.server.port", "-1"); // a free port: other test runs on this machine may hold 8080
    props.put("convene.lifecycle.grace", GRACE.toMillis() + "ms");
    props.put("convene.lifecycle.reaper-interval", "1h");
    return props;
  }

  @Test
  void meetingEndsWithinTheGraceAfterEveryoneLeftWithDurationAndLeftAtForAll() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    Instant lastLeave;
    try (SignalingClient host = connect(hostToken);
        SignalingClient guest = connect(newMemberToken())) {
      Joined hostJoined = join(host, meeting, "Host");
      Joined guestJoined = join(guest, meeting, "Guest");
      assertThat(meetings.get(meeting.id()).status()).isEqualTo("live");

      guest.send(new LeaveRequest("l-guest"));
      guest.expect(Left.class);
      host.expect(ParticipantLeft.class, l -> l.participantId().equals(guestJoined.participantId()));
      host.send(new LeaveRequest("l-host"));
      host.expect(Left.class);
      lastLeave = Instant.now();
      assertThat(hostJoined.meetingId()).isEqualTo(meeting.id().toString());
    }

    // live during the grace (checked until 0.5 s before it ends), ended at most 2 s after it
    await().during(GRACE.minusMillis(500)).atMost(GRACE)
        .until(() -> meetings.get(meeting.id()).status().equals("live"));
    await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
        .until(() -> meetings.get(meeting.id()).status().equals("ended"));
    Duration endedAfter = Duration.between(lastLeave, Instant.now());
    assertThat(endedAfter).isBetween(GRACE.minusMillis(500), GRACE.plusSeconds(3));

    MeetingView ended = meetings.get(meeting.id());
    List<Participant> rows = participants.listForMeeting(meeting.id()).stream()
        .filter(p -> !p.status().equals("invited")).toList();
    assertThat(rows).hasSize(2).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo("left");
      assertThat(p.leftAt()).isNotNull();
      assertThat(p.durationMinutes()).isZero();
    });
    Instant lastLeftAt = rows.stream().map(Participant::leftAt).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElseThrow();
    // ended at the last leave, not when the grace ran out
    assertThat(ended.actualEnd()).isEqualTo(lastLeftAt);
    assertThat(ended.durationMinutes()).isZero();

    try (SignalingClient late = connect(newMemberToken())) {
      late.send(new JoinRequest("j-late", meeting.joinCode(), "Late", false, false));
      assertThat(late.expect(SignalError.class).code()).isEqualTo(ErrorCode.MEETING_CLOSED);
    }
  }

  @Test
  void rejoiningWithinTheGraceKeepsTheSameMeetingLive() throws Exception {
    String hostToken = adminToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    Instant firstLeave;
    try (SignalingClient host = connect(hostToken)) {
      join(host, meeting, "Host");
      host.send(new LeaveRequest("l1"));
      host.expect(Left.class);
      firstLeave = Instant.now();

      Joined again = join(host, meeting, "Host again");
      assertThat(again.meetingId()).isEqualTo(meeting.id().toString());
      assertThat(Duration.between(firstLeave, Instant.now())).isLessThan(GRACE);

      // the first grace period passes (plus 2 s) with the host in the meeting: it stays live
      await().during(GRACE.plusSeconds(2)).atMost(GRACE.plusSeconds(3))
          .until(() -> meetings.get(meeting.id()).status().equals("live"));
      assertThat(meetings.get(meeting.id()).actualEnd()).isNull();

      host.send(new LeaveRequest("l2"));
      host.expect(Left.class);
    }
    await().atMost(GRACE.plusSeconds(3)).pollInterval(Duration.ofMillis(50))
        .until(() -> meetings.get(meeting.id()).status().equals("ended"));
    List<Participant> rows = participants.listForMeeting(meeting.id()).stream()
        .filter(p -> !p.status().equals("invited")).toList();
    assertThat(rows).hasSize(2).allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
    assertThat(meetings.get(meeting.id()).durationMinutes()).isNotNull();
  }

}
