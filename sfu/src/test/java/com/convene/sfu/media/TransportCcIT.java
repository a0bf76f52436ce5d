package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;

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

/// Issue 13 item 2: the SFU sends real libwebrtc publishers transport-cc feedback
/// (draft-holmer-rmcat-transport-wide-cc-extensions-01) every 50-100 ms, so their delay-based estimate works as on a
/// direct path: the publisher's `availableOutgoingBitrate` passes 750 kbit/s (2.5 times libwebrtc's 300 kbit/s
/// start: its initial probe, acknowledged) within 2 s of connecting, where with receiver reports alone it stayed
/// near 300 kbit/s for many seconds (issue 13: 273 kbit/s at 1 s, 558 kbit/s at 10 s). Measured here: 821 kbit/s
/// after 0.3 s.
@Tag("media")
class TransportCcIT {
    private static final Logger LOG = LoggerFactory.getLogger(TransportCcIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";

    @Test
    void publishersGetFeedbackEveryHundredMillisecondsAndRampUpWithinTwoSeconds() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("twcc-room");
            List<TestPeer> peers = factories.peers("alice", "bob");
            try {
                TestFactories.joinAll(room, peers);
                long connectedNanos = System.nanoTime();
                peers.forEach(TestPeer::startAudio);
                TestPeer alice = peers.get(0);
                long feedbackBefore = server.stats().transportCcFeedbacksSent();
                double best = 0;
                double secondsToTarget = -1;
                while (System.nanoTime() - connectedNanos < 6_000_000_000L) {
                    double available = number(alice.publishStats(RTCStatsType.CANDIDATE_PAIR),
                            "availableOutgoingBitrate");
                    double seconds = (System.nanoTime() - connectedNanos) / 1e9;
                    LOG.info("TWCC t={}s alice availableOutgoingBitrate={} feedbacks={}",
                            String.format("%.1f", seconds), (long) available, server.stats().transportCcFeedbacksSent());
                    best = Math.max(best, available);
                    if (available >= 750_000 && secondsToTarget < 0) {
                        secondsToTarget = seconds;
                    }
                    Thread.sleep(250); // sampling the publisher's statistics (test thread, not a media thread)
                }
                double elapsed = (System.nanoTime() - connectedNanos) / 1e9;
                long feedbacks = server.stats().transportCcFeedbacksSent() - feedbackBefore;
                LOG.info("TWCC result: 750 kbit/s after {} s, best {} bit/s, {} feedbacks in {} s for 2 publishers",
                        secondsToTarget, (long) best, feedbacks, String.format("%.1f", elapsed));
                assertThat(secondsToTarget).as("seconds until the estimate passed 750 kbit/s (best %.0f)", best)
                        .isBetween(0.0, 2.0);
                assertThat(feedbacks / elapsed).as("feedback messages per second, two publishers at one per 50-100 ms")
                        .isGreaterThanOrEqualTo(20.0);
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
