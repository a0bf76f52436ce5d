package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.signaling.SignalingMetrics;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatEntry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Dead-socket detection on both ends (docs/decisions/086-dead-socket-detection.md) when the network between the
/// app and the server turns into a black hole (a [TcpRelay] stall: no reset, no close, every byte dropped), with a
/// backend of its own pinging every 500 ms and closing sockets silent for 3 s, and the app giving up on a server
/// silent for 3 s.
///
/// Ada's signaling passes the relay; Bo's goes direct. While the relay is stalled, Ada's app notices the silence
/// and says it is reconnecting, and the server closes Ada's dead socket and holds her participant for a resume.
/// Once the network is back, Ada resumes as the same participant and gets the chat she missed; Bo never sees her
/// leave. Without the pings neither end would notice: TCP keeps a silent connection open for many minutes.
@Tag("media")
class SilentNetworkIT {

  @AfterEach
  void clearSilenceLimit() {
    System.clearProperty("convene.signaling.silence-limit");
  }

  @Test
  void bothEndsNoticeASilentNetworkAndTheParticipantResumes() throws Exception {
    System.setProperty("convene.signaling.silence-limit", "PT3S");
    E2eBackend backend = E2eBackend.startSeparate(Map.of(
        "convene.signaling.ping-interval", "500ms",
        "convene.signaling.idle-timeout", "3s",
        "convene.signaling.resume-grace", "40s"));
    URI direct = backend.baseUri();
    try (TcpRelay relay = new TcpRelay(E2eBackend.ADDRESS, new InetSocketAddress(direct.getHost(), direct.getPort()))) {
      SignalingMetrics metrics = backend.context().getBean(SignalingMetrics.class);
      RestFixture rest = backend.rest();
      RestFixture.Account host = rest.admin();
      MeetingView meeting = rest.scheduleMeeting(host.token(), "Silent network");
      AtomicLong reconnectingAt = new AtomicLong();
      AtomicLong backAt = new AtomicLong();
      Set<String> boSawLeave = ConcurrentHashMap.newKeySet();
      URI viaRelay = URI.create("http://" + E2eBackend.ADDRESS + ":" + relay.port());
      try (Peer ada = Peer.joinVia(viaRelay, rest.newMember("Ada"), meeting.joinCode(), "Ada",
              CallConfig.VideoChoice.PATTERN, 440, new CallListener() {
                @Override
                public void onReconnecting(boolean reconnecting) {
                  (reconnecting ? reconnectingAt : backAt).compareAndSet(0, System.nanoTime());
                }
              });
          Peer bo = Peer.join(backend, host, meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN, 660,
              new CallListener() {
                @Override
                public void onParticipantLeft(String participantId) {
                  boSawLeave.add(participantId);
                }
              })) {
        String adaId = ada.participantId();
        long idleBefore = metrics.idleDisconnects();
        // quiet for a while: the pings alone keep both sockets open
        Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
            .until(() -> reconnectingAt.get() == 0 && metrics.idleDisconnects() == idleBefore);

        long stalledAt = System.nanoTime();
        relay.stall();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> reconnectingAt.get() != 0);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> metrics.idleDisconnects() > idleBefore);
        double appNoticedAfter = (reconnectingAt.get() - stalledAt) / 1e9;
        bo.session().sendChat("Ada, can you hear us?").get(5, TimeUnit.SECONDS);

        relay.restore();
        long restoredAt = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ada.session().chat().stream()
            .map(ChatEntry::content).anyMatch("Ada, can you hear us?"::equals));
        double resumedAfter = (System.nanoTime() - restoredAt) / 1e9;
        System.out.printf("SILENT app noticed the silent network after %.1f s; server closed %d dead socket(s); "
                + "missed chat arrived %.1f s after the network came back%n", appNoticedAfter,
            metrics.idleDisconnects() - idleBefore, resumedAfter);

        assertThat(appNoticedAfter).as("the app's silence limit is 3 s").isBetween(2.5, 10.0);
        assertThat(ada.session().participantId()).as("resumed as the same participant").contains(adaId);
        assertThat(boSawLeave).as("Bo never saw Ada leave").doesNotContain(adaId);
      }
    } finally {
      backend.stop();
    }
  }
}
