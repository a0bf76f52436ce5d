package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallException;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.ParticipantStats;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.WaitingParticipant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance c of issue 5, with real media: in a meeting with a password and a waiting room, a participant
/// with the wrong password is refused with a typed error; with the right one it waits (no media flows) until
/// the host admits it; then both decode each other's video through the SFU.
@Tag("media")
class WaitingRoomCallIT {
  private static final long MIN_FRAMES = 30;

  @Test
  void wrongPasswordIsRefusedAndTheRightOneWaitsForTheHostThenMediaFlows() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account hostAccount = rest.newMember("Hana");
    MeetingView meeting = rest.scheduleMeeting(hostAccount.token(), "Password and waiting room",
        Map.of("requirePassword", true, "password", "blue-harbour", "waitingRoomEnabled", true));
    RestFixture.Account guestAccount = rest.newMember("Gus");

    try (Peer host = Peer.join(backend, hostAccount, meeting.joinCode(), "Hana",
        CallConfig.VideoChoice.PATTERN, 440, new CallListener() {})) {
      // wrong password: typed refusal, nothing joined
      try (Peer wrong = Peer.start(backend, guestAccount, meeting.joinCode(), "Gus",
          CallConfig.VideoChoice.PATTERN, 660, "red-harbour", new CallListener() {})) {
        assertThatThrownBy(() -> wrong.session().joined().get(15, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.problemType()).isEqualTo("urn:convene:signal:MEETING_PASSWORD_WRONG"));
      }

      // right password: waits in the waiting room, no media reaches anyone
      long waitStart = System.nanoTime();
      try (Peer guest = Peer.start(backend, guestAccount, meeting.joinCode(), "Gus",
          CallConfig.VideoChoice.PATTERN, 660, "blue-harbour", new CallListener() {})) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> guest.session().waiting());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> host.session().waitingRoom().size() == 1);
        WaitingParticipant waiting = host.session().waitingRoom().getFirst();
        assertThat(waiting.displayName()).isEqualTo("Gus");
        Thread.sleep(1_000); // a second in the waiting room: nothing may flow meanwhile
        assertThat(guest.session().joined()).isNotDone();
        assertThat(guest.stats()).isEmpty();
        assertThat(host.stats()).isEmpty();

        host.session().admit(waiting.waitingId()).get(5, TimeUnit.SECONDS);
        guest.session().joined().get(15, TimeUnit.SECONDS);
        long admittedAt = System.nanoTime();
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> frames(host, guest) >= MIN_FRAMES && frames(guest, host) >= MIN_FRAMES);
        System.out.printf(
            "E2E waiting room: admitted after %d ms waiting; both decoded >= %d frames %d ms after admission "
                + "(host<-guest %d, guest<-host %d)%n",
            TimeUnit.NANOSECONDS.toMillis(admittedAt - waitStart), MIN_FRAMES,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - admittedAt), frames(host, guest), frames(guest, host));
        assertThat(host.session().waitingRoom()).isEmpty();
      }
    }
  }

  private static long frames(Peer receiver, Peer sender) {
    Optional<ParticipantStats> s = receiver.session().participantId().isPresent()
        && sender.session().participantId().isPresent() ? receiver.statsOf(sender) : Optional.empty();
    return s.map(ParticipantStats::framesDecoded).orElse(0L);
  }
}
