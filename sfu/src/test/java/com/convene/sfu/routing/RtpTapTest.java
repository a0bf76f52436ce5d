package com.convene.sfu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.sdp.Codec;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.transport.UdpSocketLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The recording tap's hand-off: bounded, drop-and-count when full, order kept, sender reports parsed, track ends
/// delivered after the track's last packet, and the sink closed once drained.
class RtpTapTest {
    private UdpSocketLoop loop;
    private MediaRouter router;
    private PeerTransport transport;
    private TrackRoute route;
    private final RecordingSink sink = new RecordingSink();
    private final List<Runnable> consumers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        loop = UdpSocketLoop.bind("127.0.0.1", 0); // never started: the test plays the loop thread
        router = new MediaRouter(loop, DtlsCertificate.generate(), 500_000_000L);
        transport = router.newTransport("test/alice/publish", PeerTransport.Role.PUBLISH, () -> { });
        PublishedTrack track = new PublishedTrack("alice", "s", "cam", MediaKind.VIDEO, 0x1234, "0");
        Codec vp8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of());
        route = new TrackRoute(transport, track, new OfferedTrack("0", "s", "cam", 0x1234, "c", vp8), 0);
    }

    @AfterEach
    void tearDown() {
        router.remove(transport);
        loop.close();
    }

    @Test
    void dropsAndCountsWhenEveryPooledBufferIsInFlight() throws Exception {
        RtpTap tap = new RtpTap(router, sink, 16);
        tap.start(consumers::add); // the consumer does not run yet: nothing is released
        for (int sequence = 0; sequence < 20; sequence++) {
            byte[] packet = rtp(sequence);
            tap.offerRtp(route, packet, 0, packet.length, sequence);
        }
        assertThat(tap.droppedPackets()).isEqualTo(4);

        tap.close();
        runConsumer();
        tap.closed().get(5, TimeUnit.SECONDS);
        assertThat(sink.sequences).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(sink.droppedAtClose).isEqualTo(4);
    }

    @Test
    void poolIsReusedOnceTheConsumerReleasesPackets() throws Exception {
        RtpTap tap = new RtpTap(router, sink, 16);
        tap.start(task -> Thread.ofVirtual().start(task));
        for (int sequence = 0; sequence < 200; sequence++) {
            byte[] packet = rtp(sequence);
            while (tap.deliveredPackets() + 16 <= sequence) {
                Thread.onSpinWait(); // play a loop that is slower than the recorder
            }
            tap.offerRtp(route, packet, 0, packet.length, sequence);
        }
        tap.close();
        tap.closed().get(5, TimeUnit.SECONDS);
        assertThat(tap.droppedPackets()).isZero();
        assertThat(sink.sequences).hasSize(200);
    }

    @Test
    void parsesSenderReportsAndEndsTheTrackAfterItsLastPacket() throws Exception {
        RtpTap tap = new RtpTap(router, sink, 16);
        tap.start(consumers::add);
        byte[] packet = rtp(7);
        tap.offerRtp(route, packet, 0, packet.length, 1);
        byte[] report = senderReport(0x1234, 0xE5A1_2345_8000_0000L, 0xFFFF_FFF0L);
        tap.offerSenderReport(route, report, 0, report.length, 2);
        tap.offerEnded(route);
        tap.close();
        runConsumer();
        tap.closed().get(5, TimeUnit.SECONDS);
        assertThat(sink.events).containsExactly("rtp 7", "sr e5a1234580000000 fffffff0", "end cam", "closed 0");
    }

    @Test
    void ignoresTruncatedSenderReports() throws Exception {
        RtpTap tap = new RtpTap(router, sink, 16);
        tap.start(consumers::add);
        byte[] report = senderReport(0x1234, 1, 2);
        report[3] = 2; // length field says 12 bytes: no room for the sender info
        tap.offerSenderReport(route, report, 0, report.length, 2);
        tap.close();
        runConsumer();
        assertThat(sink.events).containsExactly("closed 0");
    }

    private void runConsumer() {
        assertThat(consumers).hasSize(1);
        consumers.getFirst().run();
    }

    private static byte[] rtp(int sequence) {
        byte[] packet = new byte[12 + 100];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[10] = 0x12;
        packet[11] = 0x34;
        return packet;
    }

    private static byte[] senderReport(int ssrc, long ntp, long rtp) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(ssrc).putLong(ntp).putInt((int) rtp)
                .putInt(10).putInt(1000);
        return b.array();
    }

    private static final class RecordingSink implements TrackRecorderSink {
        final List<Integer> sequences = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        long droppedAtClose = -1;

        @Override
        public void onRtp(PublishedTrack track, byte[] packet, int length, long arrivalNanos) {
            int sequence = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
            sequences.add(sequence);
            events.add("rtp " + sequence);
        }

        @Override
        public void onSenderReport(PublishedTrack track, long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
            events.add("sr " + Long.toHexString(ntpTimestamp) + " " + Long.toHexString(rtpTimestamp));
        }

        @Override
        public void onTrackEnded(PublishedTrack track) {
            events.add("end " + track.trackId());
        }

        @Override
        public void onTapClosed(long droppedPackets) {
            droppedAtClose = droppedPackets;
            events.add("closed " + droppedPackets);
        }
    }
}
