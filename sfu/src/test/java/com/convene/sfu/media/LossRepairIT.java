package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import com.convene.sfu.SfuStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Loss repair with two real libwebrtc peers (webrtc-java) whose every datagram passes a relay that drops one in
/// [#DROP_EVERY] video packets in each direction:
///
/// - on the way in, the SFU sees the gaps and NACKs the publisher, which sends the packets again (RFC 4585 §6.2.1);
/// - on the way out, the subscriber's libwebrtc NACKs the SFU, which answers from its retransmission buffer on the
///   RTX stream it offered (RFC 4588), and libwebrtc counts those as retransmitted packets received;
/// - the packets receivers NACK are nearly all in the SFU's buffer when asked for, including those lost on the way
///   in (so the publisher's retransmissions arrived), and video keeps flowing.
///
/// (libwebrtc's `packetsLost` still counts a packet repaired through RTX, since RTX arrives on its own SSRC; the
/// test therefore counts `retransmittedPacketsReceived` instead.)
///
/// Runs inside the test network namespace (see [MediaForwardingIT]): the SFU listens on 127.0.0.2 and advertises
/// the relay on 127.0.0.3.
@Tag("media")
class LossRepairIT {
    private static final Logger LOG = LoggerFactory.getLogger(LossRepairIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";
    private static final String RELAY_ADDRESS = "127.0.0.3";
    /// One video packet in this many is dropped in each direction (5 %).
    private static final int DROP_EVERY = 20;

    @Test
    void nacksRepairVideoLostOnTheWayInAndOut() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(RELAY_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories();
                SfuServer server = SfuServer.start(config);
                LossyUdpRelay relay = new LossyUdpRelay(new InetSocketAddress(RELAY_ADDRESS, server.port()),
                        new InetSocketAddress(SFU_ADDRESS, server.port()), DROP_EVERY)) {
            SfuRoom room = server.room("loss-room");
            List<TestPeer> peers = factories.peers("alice", "bob");
            try {
                TestFactories.joinAll(room, peers);
                TestPeer alice = peers.get(0);
                TestPeer bob = peers.get(1);
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                        alice.remote("bob").videoFrames.get() >= 60 && bob.remote("alice").videoFrames.get() >= 60);
                long aliceSawBefore = alice.remote("bob").videoFrames.get();
                long bobSawBefore = bob.remote("alice").videoFrames.get();

                // about 10 s of 30 fps video through the lossy relay
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                        alice.remote("bob").videoFrames.get() >= aliceSawBefore + 300
                                && bob.remote("alice").videoFrames.get() >= bobSawBefore + 300
                                && relay.droppedUp() >= 20 && relay.droppedDown() >= 20);
                SfuStats stats = server.stats();
                long nacksSentByReceivers = 0;
                long retransmittedReceived = 0;
                for (TestPeer peer : peers) {
                    for (Map<String, Object> inbound : peer.inboundVideoStats()) {
                        LOG.info("LOSS {} inbound video: packetsReceived={} packetsLost={} nackCount={} "
                                        + "retransmittedPacketsReceived={} framesDecoded={} freezeCount={}",
                                peer.name(), inbound.get("packetsReceived"), inbound.get("packetsLost"),
                                inbound.get("nackCount"), inbound.get("retransmittedPacketsReceived"),
                                inbound.get("framesDecoded"), inbound.get("freezeCount"));
                        nacksSentByReceivers += number(inbound, "nackCount");
                        retransmittedReceived += number(inbound, "retransmittedPacketsReceived");
                    }
                }
                LOG.info("LOSS relay dropped up={} down={}; SFU nacksSent={} nacksReceived={} nackedPackets={} "
                                + "retransmissionsSent={} retransmissionMisses={} rtpPacketsLost={}",
                        relay.droppedUp(), relay.droppedDown(), stats.nacksSent(), stats.nacksReceived(),
                        stats.nackedPackets(), stats.retransmissionsSent(), stats.retransmissionMisses(),
                        stats.rtpPacketsLost());

                assertThat(stats.nacksSent()).as("SFU NACKs to publishers, of %d dropped on the way in",
                        relay.droppedUp()).isGreaterThanOrEqualTo(relay.droppedUp() / 2);
                assertThat(nacksSentByReceivers).as("receivers' NACKs to the SFU").isPositive();
                assertThat(retransmittedReceived).as("RTX packets libwebrtc accepted, of %d dropped on the way out",
                        relay.droppedDown()).isGreaterThanOrEqualTo(relay.droppedDown() / 2);
                assertThat(stats.retransmissionMisses()).as("NACKed packets the SFU did not hold, of %d asked for",
                        stats.nackedPackets()).isLessThanOrEqualTo(stats.nackedPackets() / 2);
                assertThat(stats.retransmissionsSent()).isPositive();
                for (TestPeer peer : peers) {
                    assertThat(peer.errors()).as(peer.name() + " errors").isEmpty();
                }
            } finally {
                for (TestPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }

    private static long number(Map<String, Object> stats, String member) {
        return stats.get(member) instanceof Number n ? n.longValue() : 0;
    }
}
