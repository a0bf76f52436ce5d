package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import com.convene.sfu.SfuStats;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Three real libwebrtc peers (webrtc-java) in one room through the SFU: everyone decodes everyone's VP8 and Opus,
/// junk datagrams are counted and do not disturb the call, and a leaving peer's tracks end for the others.
///
/// Needs a private network namespace where 127.0.0.2 sits on a non-loopback interface, because libwebrtc gathers no
/// host candidates on `lo`:
///
/// ```
/// unshare --net bash -c 'ip link set lo up; ip link add ifb0 type ifb; ip link set ifb0 up; \
///   ip addr add 127.0.0.2/32 dev ifb0; ip addr add 127.0.0.3/32 dev ifb0; \
///   cd /work/main && mvn -o -q -pl sfu test -Dtest=MediaForwardingIT -Dsurefire.failIfNoSpecifiedTests=false'
/// ```
@Tag("media")
class MediaForwardingIT {
    private static final Logger LOG = LoggerFactory.getLogger(MediaForwardingIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";
    private static final double AUDIO_RMS_THRESHOLD = 300;
    private static final long MIN_FRAMES = 60;

    @Test
    void forwardsVideoAndAudioBetweenThreePeersAndSurvivesJunk() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("it-room");
            List<TestPeer> peers = factories.peers("alice", "bob", "carol");
            try {
                TestFactories.joinAll(room, peers);
                for (TestPeer peer : peers) {
                    peer.startAudio();
                }

                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (TestPeer peer : peers) {
                        for (TestPeer other : peers) {
                            if (other != peer) {
                                TestPeer.RemoteStats stats = peer.remote(other.name());
                                assertThat(stats.videoFrames.get()).as(peer.name() + " <- " + other.name() + " frames")
                                        .isGreaterThanOrEqualTo(MIN_FRAMES);
                                assertThat(stats.maxAudioRms).as(peer.name() + " <- " + other.name() + " audio rms")
                                        .isGreaterThan(AUDIO_RMS_THRESHOLD);
                            }
                        }
                    }
                });
                for (TestPeer peer : peers) {
                    for (TestPeer other : peers) {
                        if (other != peer) {
                            TestPeer.RemoteStats stats = peer.remote(other.name());
                            LOG.info("MEDIA {} <- {}: frames={} firstFrameAfterJoinMs={} maxAudioRms={}",
                                    peer.name(), other.name(), stats.videoFrames.get(),
                                    (stats.firstFrameNanos.get() - peer.joinNanos()) / 1_000_000,
                                    Math.round(stats.maxAudioRms));
                        }
                    }
                }

                SfuStats before = server.stats();
                sendJunk(server.port());
                long framesBefore = peers.getFirst().remote("bob").videoFrames.get();
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    SfuStats after = server.stats();
                    assertThat(after.dropped(DropReason.UNKNOWN_PROTOCOL))
                            .isGreaterThan(before.dropped(DropReason.UNKNOWN_PROTOCOL));
                    assertThat(after.dropped(DropReason.MALFORMED_STUN))
                            .isGreaterThan(before.dropped(DropReason.MALFORMED_STUN));
                    assertThat(after.dropped(DropReason.UNKNOWN_SOURCE))
                            .isGreaterThanOrEqualTo(before.dropped(DropReason.UNKNOWN_SOURCE) + 3);
                    assertThat(peers.getFirst().remote("bob").videoFrames.get()).isGreaterThan(framesBefore + 30);
                });
                LOG.info("MEDIA stats after junk: {}", server.stats());

                TestPeer carol = peers.get(2);
                long aliceOffers = peers.get(0).subscriberOffers();
                long bobOffers = peers.get(1).subscriberOffers();
                room.leave("carol");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    for (TestPeer peer : peers.subList(0, 2)) {
                        assertThat(peer.unpublished()).hasSize(2)
                                .allMatch(track -> track.participantId().equals("carol"));
                        TestPeer.RemoteStats fromCarol = peer.remote("carol");
                        assertThat(fromCarol.videoEnded).as(peer.name() + " carol video ended").isTrue();
                        assertThat(fromCarol.audioEnded).as(peer.name() + " carol audio ended").isTrue();
                    }
                    assertThat(peers.get(0).subscriberOffers()).isGreaterThan(aliceOffers);
                    assertThat(peers.get(1).subscriberOffers()).isGreaterThan(bobOffers);
                });
                assertThat(room.tracks()).hasSize(4).noneMatch(track -> track.participantId().equals("carol"));
                long aliceFromBob = peers.get(0).remote("bob").videoFrames.get();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> peers.get(0).remote("bob").videoFrames.get() > aliceFromBob + 30);
                carol.close();
                for (TestPeer peer : peers) {
                    assertThat(peer.errors()).as(peer.name() + " errors").isEmpty();
                }
                LOG.info("MEDIA final stats: {}", server.stats());
            } finally {
                for (TestPeer peer : peers.subList(0, 2)) {
                    peer.close();
                }
            }
        }
    }

    /// Random bytes and truncated STUN, DTLS, RTP and RTCP from an address no ICE check has bound.
    private static void sendJunk(int port) throws Exception {
        InetSocketAddress sfu = new InetSocketAddress(SFU_ADDRESS, port);
        Random random = new Random(42);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            byte[][] junk = {
                {0x70, 0x01, 0x02},                                   // first byte outside RFC 7983 ranges
                {0x00, 0x01, 0x00, 0x58, 0x21, 0x12},                 // truncated STUN header
                {22, (byte) 0xFE, (byte) 0xFD, 0, 0},                 // truncated DTLS record
                {(byte) 0x80, 0x60, 0x00},                            // truncated RTP
                {(byte) 0x81, (byte) 0xC8, 0x00, 0x06},               // truncated RTCP SR
            };
            for (byte[] datagram : junk) {
                socket.send(new DatagramPacket(datagram, datagram.length, sfu));
            }
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[1 + random.nextInt(1200)];
                random.nextBytes(noise);
                socket.send(new DatagramPacket(noise, noise.length, sfu));
            }
        }
    }
}
