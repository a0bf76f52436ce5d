package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.SfuConfig;
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

/// The SFU's receiver reports (RFC 3550 §6.4.2) reach a real libwebrtc publisher: it shows them as
/// `remote-inbound-rtp` statistics with a measured round trip and no loss, and its bandwidth estimate
/// (`availableOutgoingBitrate`) climbs above the 300 kbit/s libwebrtc starts at instead of staying there.
@Tag("media")
class ReceiverReportIT {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverReportIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";

    @Test
    void publishersSeeTheirStreamsReceivedAndRaiseTheirBitrate() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("rr-room");
            List<TestPeer> peers = factories.peers("alice", "bob");
            try {
                TestFactories.joinAll(room, peers);
                peers.forEach(TestPeer::startAudio);
                TestPeer alice = peers.get(0);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    double available = number(alice.publishStats(RTCStatsType.CANDIDATE_PAIR),
                            "availableOutgoingBitrate");
                    LOG.info("RR alice availableOutgoingBitrate={} receiverReportsSent={}", (long) available,
                            server.stats().receiverReportsSent());
                    assertThat(available).isGreaterThan(450_000);
                });
                // With transport-cc feedback the estimate passes 450 kbit/s within about a second, before the first
                // report that covers the audio stream (sent at most once a second): wait for that report.
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(alice.publishStats(RTCStatsType.REMOTE_INBOUND_RTP))
                                .as("a report block for each published stream")
                                .extracting(stats -> stats.get("kind")).containsExactlyInAnyOrder("audio", "video"));
                List<Map<String, Object>> remoteInbound = alice.publishStats(RTCStatsType.REMOTE_INBOUND_RTP);
                LOG.info("RR alice remote-inbound-rtp: {}", remoteInbound);
                assertThat(remoteInbound)
                        .allSatisfy(stats -> {
                            assertThat(stats.get("packetsLost")).isInstanceOf(Number.class);
                            assertThat(((Number) stats.get("packetsLost")).longValue()).isZero();
                        });
                assertThat(remoteInbound).anySatisfy(stats ->
                        assertThat(stats.get("roundTripTime")).as("round trip from LSR/DLSR").isNotNull());
                assertThat(server.stats().receiverReportsSent()).isPositive();
            } finally {
                for (TestPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }

    private static double number(List<Map<String, Object>> stats, String member) {
        return stats.stream().map(s -> s.get(member)).filter(Number.class::isInstance)
                .mapToDouble(n -> ((Number) n).doubleValue()).max().orElse(0);
    }
}
