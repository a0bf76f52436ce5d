package com.convene.sfu.routing;

import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.RtxPackets;
import com.convene.sfu.srtp.PacketBuffer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/// Feedback job: answers a subscriber's Generic NACK (RFC 4585 §6.2.1) from the track's [RetransmissionBuffer],
/// each packet as an RTX packet on the subscriber's RTX stream (RFC 4588 §4). For a simulcast track the NACK names
/// the subscriber's numbering: its [DownTrack] says which layer and packet that was, and the kept packet is
/// rewritten as it was sent before it is wrapped in RTX. Packets no longer (or never) held,
/// or asked for on a track without RTX, are counted as misses.
///
/// It is its own [IntConsumer] for [RtcpPackets#forEachNacked] so answering allocates nothing. Loop only.
final class NackResponder implements IntConsumer {
    private final SubscriberSender sender;
    private final MediaCounters counters;
    /// The NACK being answered; set only during [#answer].
    private @Nullable PeerTransport subscriber;
    private @Nullable TrackRoute route;
    private @Nullable DownTrack downTrack;
    /// The kept packet rewritten as first sent, for a simulcast track; an RTX packet is then built from it.
    private final byte[] rewritten = new byte[RetransmissionBuffer.MAX_PACKET];

    NackResponder(SubscriberSender sender, MediaCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    /// Answers one NACK of `subscriber` for `route`.
    ///
    /// @param nack     the clear RTCP buffer
    /// @param position where the NACK packet starts
    /// @param length   its length, bytes
    void answer(PeerTransport subscriber, TrackRoute route, byte[] nack, int position, int length) {
        DownTrack downTrack = route.downTrackOf(subscriber);
        if (downTrack == null || route.layers()[0].history() == null || !route.offered().retransmits()
                || subscriber.srtp() == null || subscriber.address() == null) {
            counters.retransmissionMisses.addAndGet(RtcpPackets.nackedPackets(nack, position, length));
            return;
        }
        this.subscriber = subscriber;
        this.route = route;
        this.downTrack = downTrack;
        try {
            RtcpPackets.forEachNacked(nack, position, length, this);
        } finally {
            this.subscriber = null;
            this.route = null;
            this.downTrack = null;
        }
    }

    /// Sends one retransmission; called by [RtcpPackets#forEachNacked] for each NACKed sequence number.
    @Override
    public void accept(int sequenceNumber) {
        PeerTransport target = subscriber;
        TrackRoute track = route;
        DownTrack down = downTrack;
        if (target == null || track == null || down == null) {
            return;
        }
        byte[] original;
        int originalLength;
        if (!track.simulcast()) {
            RetransmissionBuffer kept = track.layers()[0].history();
            original = kept == null ? null : kept.find(sequenceNumber);
            originalLength = original == null ? 0 : kept.length(sequenceNumber);
        } else {
            // the subscriber NACKs its own numbering: find the layer and number it came from, rewrite it again
            int layer = down.sentLayer(sequenceNumber);
            RetransmissionBuffer kept = layer < 0 ? null : track.layers()[layer].history();
            int source = layer < 0 ? 0 : down.sentSourceSequence(sequenceNumber);
            byte[] found = kept == null ? null : kept.find(source);
            original = null;
            originalLength = 0;
            if (found != null) {
                originalLength = kept.length(source);
                System.arraycopy(found, 0, rewritten, 0, originalLength);
                down.rewriteAsSent(rewritten, 0, originalLength, sequenceNumber);
                original = rewritten;
            }
        }
        if (original == null) {
            counters.retransmissionMisses.incrementAndGet();
            return;
        }
        int rtxSsrc = track.offered().rtxSsrc();
        PacketBuffer out = sender.scratch();
        int rtxLength = RtxPackets.write(original, originalLength,
                track.offered().codec().rtxPayloadType(), rtxSsrc, target.nextRtxSequenceNumber(rtxSsrc),
                out.getBuffer());
        if (rtxLength < 0) {
            counters.retransmissionMisses.incrementAndGet();
            return;
        }
        out.setLength(rtxLength);
        if (sender.sendScratchRtp(target, rtxSsrc, true)) {
            counters.retransmissionsSent.incrementAndGet();
        }
    }
}
