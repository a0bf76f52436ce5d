package com.convene.sfu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.rtp.Vp8Descriptor;
import com.convene.sfu.sdp.Codec;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.transport.UdpSocketLoop;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// A subscriber's view of a three-layer VP8 simulcast track through [DownTrack] while its wanted layer changes at
/// random: one SSRC, sequence numbers without a gap, timestamps that never go back, picture ids and TL0PICIDX that
/// step by at most one (RFC 7741 §4.2), every switch on a key frame, and NACKed packets rewritten exactly as sent.
/// The research note's check for VP8 rewriting: 10,000 random layer changes (docs/media-quality.md "Simulcast").
class DownTrackTest {
    private static final int[] SSRCS = {0x1111, 0x2222, 0x3333};
    private static final int PACKETS_PER_FRAME = 3;

    private UdpSocketLoop loop;
    private MediaRouter router;
    private PeerTransport publisher;
    private PeerTransport subscriber;
    private TrackRoute route;

    @BeforeEach
    void setUp() {
        loop = UdpSocketLoop.bind("127.0.0.1", 0); // never started: the test plays the loop thread
        router = new MediaRouter(loop, DtlsCertificate.generate(), 0);
        publisher = router.newTransport("t/alice/publish", PeerTransport.Role.PUBLISH, () -> { });
        subscriber = router.newTransport("t/bob/subscribe", PeerTransport.Role.SUBSCRIBE, () -> { });
        Codec vp8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of("nack", "nack pli"), 97);
        PublishedTrack track = new PublishedTrack("alice", "s", "cam", MediaKind.VIDEO, SSRCS[0], "0");
        route = new TrackRoute(publisher, track, new OfferedTrack("0", "s", "cam", SSRCS[0], "c", vp8, 0x4444, SSRCS),
                0);
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    /// One simulcast layer as a publisher sends it: its own numbering, frames of three packets, a key frame when
    /// asked for and every 90 frames.
    private static final class Layer {
        final int index;
        int sequence;
        long timestamp;
        int pictureId;
        int tl0PicIdx;
        int packetInFrame;
        int frame;
        boolean keyFrameAsked;
        boolean currentIsKey;

        Layer(int index, Random random) {
            this.index = index;
            this.sequence = random.nextInt(0x10000);
            this.timestamp = random.nextLong(0x1_0000_0000L);
            this.pictureId = random.nextInt(0x8000);
            this.tl0PicIdx = random.nextInt(0x100);
        }

        byte[] next() {
            if (packetInFrame == 0) {
                currentIsKey = keyFrameAsked || frame % 90 == 0;
                keyFrameAsked = false;
            }
            byte[] packet = new byte[12 + 5 + 10];
            packet[0] = (byte) 0x80;
            packet[1] = (byte) (96 | (packetInFrame == PACKETS_PER_FRAME - 1 ? 0x80 : 0));
            RtpHeader.writeSequenceNumber(packet, 0, sequence);
            RtpHeader.writeTimestamp(packet, 0, timestamp);
            RtpHeader.writeSsrc(packet, 0, SSRCS[index]);
            // X=1, S on the first packet of a frame, PID 0; I and L present; 15-bit picture id; TL0PICIDX
            packet[12] = (byte) (0x80 | (packetInFrame == 0 ? 0x10 : 0));
            packet[13] = (byte) 0xC0;
            packet[14] = (byte) (0x80 | (pictureId >> 8));
            packet[15] = (byte) pictureId;
            packet[16] = (byte) tl0PicIdx;
            packet[17] = (byte) (packetInFrame == 0 && currentIsKey ? 0x00 : 0x01); // VP8 header P bit
            sequence = (sequence + 1) & 0xFFFF;
            if (++packetInFrame == PACKETS_PER_FRAME) {
                packetInFrame = 0;
                frame++;
                timestamp = (timestamp + 3000) & 0xFFFF_FFFFL;
                pictureId = (pictureId + 1) & 0x7FFF;
                tl0PicIdx = (tl0PicIdx + 1) & 0xFF;
            }
            return packet;
        }
    }

    @Test
    void tenThousandRandomLayerChangesKeepOneContinuousStream() {
        Random random = new Random(13);
        Layer[] layers = {new Layer(0, random), new Layer(1, random), new Layer(2, random)};
        DownTrack downTrack = route.addSubscriber(subscriber);
        long now = 1_000_000_000L;
        int changes = 0;
        int sent = 0;
        int previousSequence = -1;
        long previousTimestamp = -1;
        int previousPictureId = -1;
        int previousTl0 = -1;
        int previousLayer = -1;
        int switches = 0;
        int retransmissionsChecked = 0;
        byte[][] sentPackets = new byte[0x10000][];
        while (changes < 10_000) {
            if (random.nextInt(40) == 0) {
                downTrack.maxLayer(random.nextInt(4) == 0 ? DownTrack.ALL_LAYERS : random.nextInt(3));
                changes++;
            }
            now += 11_000_000L; // each layer sends a packet every 33 ms: three layers round-robin
            for (Layer layer : layers) {
                byte[] packet = layer.next();
                originals.put(((long) layer.index << 16) | RtpHeader.sequenceNumber(packet, 0), packet.clone());
                route.layers()[layer.index].onPacket(now);
                if (!downTrack.accept(layer.index, packet, 0, packet.length, now)) {
                    continue;
                }
                byte[] copy = packet.clone();
                downTrack.rewrite(copy, 0, copy.length, layer.index, now);
                int sequence = RtpHeader.sequenceNumber(copy, 0);
                long timestamp = RtpHeader.timestamp(copy, 0);
                int pictureId = Vp8Descriptor.pictureId(copy, 14);
                int tl0 = copy[16] & 0xFF;
                assertThat(RtpHeader.ssrc(copy, 0)).isEqualTo(SSRCS[0]);
                if (layer.index != previousLayer) {
                    assertThat(Vp8Descriptor.startsKeyFrame(copy, 12, copy.length)).as("switch on a key frame")
                            .isTrue();
                    switches++;
                    previousLayer = layer.index;
                }
                if (previousSequence >= 0) {
                    assertThat(sequence).as("sequence after %d", previousSequence)
                            .isEqualTo((previousSequence + 1) & 0xFFFF);
                    assertThat((timestamp - previousTimestamp) & 0xFFFF_FFFFL).as("timestamp step")
                            .isLessThan(0x8000_0000L);
                    assertThat((pictureId - previousPictureId) & 0x7FFF).as("picture id step").isBetween(0, 1);
                    assertThat((tl0 - previousTl0) & 0xFF).as("TL0PICIDX step").isBetween(0, 1);
                }
                previousSequence = sequence;
                previousTimestamp = timestamp;
                previousPictureId = pictureId;
                previousTl0 = tl0;
                sentPackets[sequence] = copy;
                sent++;
                // a NACK for a recent packet is answered with the same bytes
                int nacked = (sequence - random.nextInt(50)) & 0xFFFF;
                byte[] expected = sentPackets[nacked];
                int fromLayer = downTrack.sentLayer(nacked);
                if (expected != null && fromLayer >= 0) {
                    byte[] kept = originals.get(((long) fromLayer << 16) | downTrack.sentSourceSequence(nacked));
                    assertThat(kept).as("the publisher's packet behind %d", nacked).isNotNull();
                    byte[] original = kept.clone();
                    downTrack.rewriteAsSent(original, 0, original.length, nacked);
                    assertThat(original).as("retransmission of %d", nacked).isEqualTo(expected);
                    retransmissionsChecked++;
                }
            }
            for (Layer layer : layers) {
                if (downTrack.wantsKeyFrame() && downTrack.targetLayer() == layer.index) {
                    layer.keyFrameAsked = true; // the PLI reaches the publisher
                }
            }
        }
        assertThat(sent).isGreaterThan(50_000);
        assertThat(switches).as("layer switches").isGreaterThan(1_000);
        assertThat(downTrack.layerSwitches()).isEqualTo(switches);
        assertThat(retransmissionsChecked).isGreaterThan(10_000);
    }

    @Test
    void waitsForAKeyFrameOfTheNewLayerAndAsksForIt() {
        Random random = new Random(5);
        Layer[] layers = {new Layer(0, random), new Layer(1, random), new Layer(2, random)};
        DownTrack downTrack = route.addSubscriber(subscriber);
        long now = 1_000_000_000L;
        for (int i = 0; i < 3 * PACKETS_PER_FRAME; i++) {
            for (Layer layer : layers) {
                byte[] packet = layer.next();
                route.layers()[layer.index].onPacket(now);
                downTrack.accept(layer.index, packet, 0, packet.length, now);
            }
            now += 11_000_000L;
        }
        assertThat(downTrack.currentLayer()).as("the top layer from its first key frame").isEqualTo(2);

        downTrack.maxLayer(0);
        byte[] delta = layers[0].next(); // frame 3 of layer 0: no key frame
        assertThat(downTrack.accept(0, delta, 0, delta.length, now)).isFalse();
        assertThat(downTrack.wantsKeyFrame()).isTrue();
        assertThat(downTrack.targetLayer()).isZero();

        downTrack.maxLayer(-1);
        byte[] top = layers[2].next();
        assertThat(downTrack.accept(2, top, 0, top.length, now)).as("off screen: nothing").isFalse();
        assertThat(downTrack.wantsKeyFrame()).isFalse();
    }

    /// With sender reports from both layers, a switch keeps the capture clock exact: the new layer's key frame gets
    /// the timestamp the old layer's frame of the same instant would have had (here: 3,000 ticks after the last
    /// frame sent, one frame at 30 fps), not a guess from arrival times.
    @Test
    void aSwitchKeepsTheCaptureClockFromSenderReports() {
        Random random = new Random(21);
        Layer[] layers = {new Layer(0, random), new Layer(1, random), new Layer(2, random)};
        long ntpNow = 0xE000_0000_0000_0000L; // some NTP instant; frame 0 of every layer was captured then
        for (Layer layer : layers) {
            route.layers()[layer.index].onSenderReport(ntpNow, layer.timestamp);
        }
        DownTrack downTrack = route.addSubscriber(subscriber);
        downTrack.maxLayer(0);
        long now = 1_000_000_000L;
        long lastSent = -1;
        for (int frame = 0; frame < 6; frame++) {
            for (int p = 0; p < PACKETS_PER_FRAME; p++) {
                for (Layer layer : layers) {
                    route.layers()[layer.index].onPacket(now);
                    byte[] packet = layer.next();
                    if (downTrack.accept(layer.index, packet, 0, packet.length, now)) {
                        byte[] copy = packet.clone();
                        downTrack.rewrite(copy, 0, copy.length, layer.index, now);
                        lastSent = RtpHeader.timestamp(copy, 0);
                    }
                }
            }
            now += 250_000_000L; // arrival times far from the 33 ms capture spacing: only the reports are right
        }
        assertThat(downTrack.currentLayer()).isZero();
        downTrack.maxLayer(1);
        layers[1].keyFrameAsked = true;
        long switchedTo = -1;
        for (int p = 0; p < PACKETS_PER_FRAME && switchedTo < 0; p++) {
            for (Layer layer : layers) {
                route.layers()[layer.index].onPacket(now);
                byte[] packet = layer.next();
                if (downTrack.accept(layer.index, packet, 0, packet.length, now) && layer.index == 1) {
                    byte[] copy = packet.clone();
                    downTrack.rewrite(copy, 0, copy.length, 1, now);
                    switchedTo = RtpHeader.timestamp(copy, 0);
                }
            }
        }
        assertThat(downTrack.currentLayer()).isEqualTo(1);
        assertThat((switchedTo - lastSent) & 0xFFFF_FFFFL).as("ticks from the last frame of layer 0")
                .isEqualTo(3000L);
    }

    /// Acceptance 1 of issue 13 (at most 300 ms frozen): when the layer being sent stops, three frames of a lower
    /// layer (about 100 ms) are enough to switch down, with a key-frame request that skips the throttle.
    @Test
    void switchesDownWithinThreeFramesWhenTheSentLayerStops() {
        Random random = new Random(17);
        Layer[] layers = {new Layer(0, random), new Layer(1, random), new Layer(2, random)};
        DownTrack downTrack = route.addSubscriber(subscriber);
        long now = 1_000_000_000L;
        for (int i = 0; i < 3 * PACKETS_PER_FRAME; i++) {
            for (Layer layer : layers) {
                route.layers()[layer.index].onPacket(now);
                byte[] packet = layer.next();
                downTrack.accept(layer.index, packet, 0, packet.length, now);
            }
            now += 11_000_000L;
        }
        assertThat(downTrack.currentLayer()).isEqualTo(2);
        boolean sawUrgent = false;
        int frames = 0;
        while (downTrack.targetLayer() == 2 && frames < 10) { // the top layer stops; layers 0 and 1 go on
            for (int p = 0; p < PACKETS_PER_FRAME; p++) {
                for (Layer layer : new Layer[] {layers[0], layers[1]}) {
                    route.layers()[layer.index].onPacket(now);
                    byte[] packet = layer.next();
                    downTrack.accept(layer.index, packet, 0, packet.length, now);
                    sawUrgent |= downTrack.urgent();
                }
            }
            frames++;
            now += 33_000_000L;
        }
        assertThat(downTrack.targetLayer()).isEqualTo(1);
        assertThat(frames).as("frames until the stop was noticed").isLessThanOrEqualTo(3);
        assertThat(sawUrgent).as("the key frame is asked for past the throttle").isTrue();
    }

    @Test
    void fallsToALowerLayerWhenTheWantedOneStops() {
        Random random = new Random(9);
        Layer[] layers = {new Layer(0, random), new Layer(1, random), new Layer(2, random)};
        DownTrack downTrack = route.addSubscriber(subscriber);
        long now = 1_000_000_000L;
        for (int i = 0; i < 3 * PACKETS_PER_FRAME; i++) {
            for (Layer layer : layers) {
                route.layers()[layer.index].onPacket(now);
                byte[] packet = layer.next();
                downTrack.accept(layer.index, packet, 0, packet.length, now);
            }
            now += 11_000_000L;
        }
        assertThat(downTrack.currentLayer()).isEqualTo(2);
        now += LayerStream.ACTIVE_NANOS; // the publisher stopped its top layer (its uplink estimate fell)
        layers[1].keyFrameAsked = true;
        boolean switched = false;
        for (int i = 0; i < PACKETS_PER_FRAME && !switched; i++) {
            route.layers()[1].onPacket(now);
            byte[] packet = layers[1].next();
            switched = downTrack.accept(1, packet, 0, packet.length, now);
        }
        assertThat(switched).isTrue();
        assertThat(downTrack.currentLayer()).isEqualTo(1);
    }

    /// The publisher's recent packets by layer and sequence number, as the SFU's retransmission cache keeps them.
    private final java.util.Map<Long, byte[]> originals = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, byte[]> eldest) {
            return size() > 3 * 512;
        }
    };
}
