package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuParticipant;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import dev.onvoid.webrtc.RTCStatsType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Issue 13 items 3 and 4: a real libwebrtc publisher sends its 1280x720 camera in simulcast layers (the SIM-group
/// offer the desktop app sends, decision 100); the SFU takes them, and a subscriber gets the layer it asks for,
/// switched at key frames and rewritten into one stream it decodes: the best layer sent by default, 320 wide once it
/// asks for the lowest layer, and the best again when it asks for it.
///
/// The top layer (1280 wide) is not required: on this loaded two-core machine the publisher's estimate sometimes
/// stays near 300 kbit/s with simulcast (its `qualityLimitationReason` says bandwidth) and libwebrtc then sends only
/// the 320 and 640 layers; the time until all three run is printed, not asserted (issue 13 acceptance 2 is open).
@Tag("media")
class SimulcastIT {
    private static final Logger LOG = LoggerFactory.getLogger(SimulcastIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";

    @Test
    void subscriberGetsTheLayerItAsksForAsOneDecodableStream() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("simulcast-room");
            List<TestPeer> peers = factories.peers("alice", "bob");
            TestPeer alice = peers.get(0);
            TestPeer bob = peers.get(1);
            alice.publishSimulcast();
            try {
                long start = System.nanoTime();
                TestFactories.joinAll(room, peers);
                // acceptance 2 (no cap): every layer is sent within 3 s of publishing
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    LOG.info("SIMULCAST SFU transport-cc feedbacks {} drops {} alice estimate {}",
                            server.stats().transportCcFeedbacksSent(), server.stageDrops(),
                            alice.publishStats(RTCStatsType.CANDIDATE_PAIR).stream()
                                    .map(c -> c.get("availableOutgoingBitrate")).toList());
                    assertThat(sendingLayerWidths(alice)).as("alice's sending layers").contains(320, 640);
                });
                double twoLayersSeconds = (System.nanoTime() - start) / 1e9;
                long topDeadline = System.nanoTime() + 5_000_000_000L; // give the top layer a chance, not a duty
                while (!sendingLayerWidths(alice).contains(1280) && System.nanoTime() < topDeadline) {
                    Thread.sleep(200);
                }
                double layersSeconds = (System.nanoTime() - start) / 1e9;
                List<Integer> sending = sendingLayerWidths(alice);
                LOG.info("SIMULCAST layers {} sent {} s after joining; 320 and 640 after {} s", sending,
                        String.format("%.2f", layersSeconds), String.format("%.2f", twoLayersSeconds));
                TestPeer.RemoteStats fromAlice = bob.remote("alice");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(fromAlice.lastFrameWidth).as("bob decodes alice's best layer")
                                .isGreaterThanOrEqualTo(640));
                SfuParticipant bobInSfu = bob.participant();
                String aliceVideo = "alice-video";

                assertThat(bobInSfu.setMaxLayer("alice", aliceVideo, 0)).isTrue();
                long asked = System.nanoTime();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(fromAlice.lastFrameWidth).as("after asking for the lowest layer").isEqualTo(320));
                LOG.info("SIMULCAST down to 320 in {} ms", (System.nanoTime() - asked) / 1_000_000);
                assertThat(bobInSfu.currentLayer("alice", aliceVideo).get()).isZero();
                long framesAtLow = fromAlice.videoFrames.get();
                for (int i = 0; i < 15; i++) {
                    Thread.sleep(200); // the test thread watches frames arrive in the low layer for 3 s
                    LOG.info("SIMULCAST at 320: frames {} inbound {}", fromAlice.videoFrames.get(),
                            bob.inboundVideoStats().stream().map(SimulcastIT::decodeSummary).toList());
                }
                // 45 frames are sent in 3 s; right after a switch libwebrtc's publisher sometimes pauses every
                // layer for up to ~0.8 s (seen in CI: its three key frames queue in the pacer), so this asks only
                // that the low layer keeps flowing
                assertThat(fromAlice.videoFrames.get() - framesAtLow).as("frames decoded in 3 s at 320x180 (15 fps sent)")
                        .isGreaterThan(10);

                assertThat(bobInSfu.setMaxLayer("alice", aliceVideo, SfuParticipant.ALL_LAYERS)).isTrue();
                asked = System.nanoTime();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(fromAlice.lastFrameWidth).as("after asking for the best layer")
                                .isGreaterThanOrEqualTo(640));
                LOG.info("SIMULCAST up to {} in {} ms", fromAlice.lastFrameWidth,
                        (System.nanoTime() - asked) / 1_000_000);
                List<Map<String, Object>> inbound = bob.inboundVideoStats();
                LOG.info("SIMULCAST bob inbound: {}", inbound);
                assertThat(inbound).as("one stream from alice").hasSize(1);
                LOG.info("SIMULCAST SFU stats {} stage drops {}", server.stats(), server.stageDrops());
            } finally {
                for (TestPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }

    private static String decodeSummary(Map<String, Object> stats) {
        return "received=" + stats.get("framesReceived") + " decoded=" + stats.get("framesDecoded") + " dropped="
                + stats.get("framesDropped") + " keys=" + stats.get("keyFramesDecoded") + " pli=" + stats.get("pliCount")
                + " nack=" + stats.get("nackCount") + " lost=" + stats.get("packetsLost") + " freezes="
                + stats.get("freezeCount") + " width=" + stats.get("frameWidth");
    }

    private static List<Integer> sendingLayerWidths(TestPeer peer) throws Exception {
        List<Map<String, Object>> outbound = peer.publishStats(RTCStatsType.OUTBOUND_RTP);
        LOG.info("SIMULCAST alice outbound video: {}", outbound.stream()
                .filter(s -> "video".equals(String.valueOf(s.get("kind"))))
                .map(s -> s.get("frameWidth") + "px " + s.get("framesPerSecond") + "fps limit="
                        + s.get("qualityLimitationReason") + " target=" + s.get("targetBitrate"))
                .toList());
        return outbound.stream()
                .filter(s -> "video".equals(String.valueOf(s.get("kind"))))
                .filter(s -> s.get("frameWidth") instanceof Number n && n.intValue() > 0)
                .filter(s -> s.get("framesPerSecond") instanceof Number fps && fps.doubleValue() > 0)
                .map(s -> ((Number) s.get("frameWidth")).intValue())
                .toList();
    }
}
