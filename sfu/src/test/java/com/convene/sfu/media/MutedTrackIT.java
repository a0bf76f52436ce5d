package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 15 finding 6: a muted track is not forwarded, whatever its client keeps sending. A real libwebrtc
/// publisher keeps sending its camera after the server stopped the track; the subscriber decodes no more frames,
/// the SFU counts the packets as [DropReason#TRACK_MUTED], and when the track is allowed again the subscriber
/// decodes frames again (from a key frame the SFU asks for).
@Tag("media")
class MutedTrackIT {
    private static final String SFU_ADDRESS = "127.0.0.2";

    @Test
    void aMutedTrackReachesNobodyUntilItIsAllowedAgain() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("muted-room");
            List<TestPeer> peers = factories.peers("alice", "bob");
            TestPeer alice = peers.get(0);
            TestPeer bob = peers.get(1);
            try {
                TestFactories.joinAll(room, peers);
                TestPeer.RemoteStats fromAlice = bob.remote("alice");
                await().atMost(Duration.ofSeconds(10)).until(() -> fromAlice.videoFrames.get() > 10);

                assertThat(alice.participant().setTrackForwarding("alice-video", false)).isTrue();
                Thread.sleep(500); // frames already on the way drain
                long framesWhileMuted = fromAlice.videoFrames.get();
                long droppedBefore = server.stats().dropped(DropReason.TRACK_MUTED);
                Thread.sleep(1_500); // alice's client keeps sending its camera all along
                assertThat(fromAlice.videoFrames.get()).as("frames bob decoded while alice was muted")
                        .isEqualTo(framesWhileMuted);
                assertThat(server.stats().dropped(DropReason.TRACK_MUTED) - droppedBefore)
                        .as("alice's video packets dropped in 1.5 s").isGreaterThan(20);

                assertThat(alice.participant().setTrackForwarding("alice-video", true)).isTrue();
                await().atMost(Duration.ofSeconds(3)).until(() -> fromAlice.videoFrames.get() > framesWhileMuted + 5);
                assertThat(alice.participant().setTrackForwarding("no-such-track", false)).isFalse();
            } finally {
                for (TestPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }
}
