package com.convene.sfu.routing;

import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.RtxPackets;
import com.convene.sfu.srtp.PacketBuffer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/// Feedback job: answers a subscriber's Generic NACK (RFC 4585 §6.2.1) from the track's [RetransmissionBuffer],
/// each packet as an RTX packet on the subscriber's RTX stream (RFC 4588 §4). Packets no longer (or never) held,
/// or asked for on a track without RTX, are counted as misses.
///
/// It is its own [IntConsumer] for [RtcpPackets#forEachNacked] so answering allocates nothing. Loop only.
final class NackResponder implements IntConsumer {
    private final SubscriberSender sender;
    private final MediaCounters counters;
    /// The NACK being answered; set only during [#answer].
    private @Nullable PeerTransport subscriber;
    private @Nullable TrackRoute route;
    private @Nullable RetransmissionBuffer history;

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
        RetransmissionBuffer kept = route.history();
        if (kept == null || !route.offered().retransmits() || subscriber.srtp() == null
                || subscriber.address() == null) {
            counters.retransmissionMisses.addAndGet(RtcpPackets.nackedPackets(nack, position, length));
            return;
        }
        this.subscriber = subscriber;
        this.route = route;
        this.history = kept;
        try {
            RtcpPackets.forEachNacked(nack, position, length, this);
        } finally {
            this.subscriber = null;
            this.route = null;
            this.history = null;
        }
    }

    /// Sends one retransmission; called by [RtcpPackets#forEachNacked] for each NACKed sequence number.
    @Override
    public void accept(int sequenceNumber) {
        PeerTransport target = subscriber;
        TrackRoute track = route;
        RetransmissionBuffer kept = history;
        if (target == null || track == null || kept == null) {
            return;
        }
        byte[] original = kept.find(sequenceNumber);
        if (original == null) {
            counters.retransmissionMisses.incrementAndGet();
            return;
        }
        int rtxSsrc = track.offered().rtxSsrc();
        PacketBuffer out = sender.scratch();
        int rtxLength = RtxPackets.write(original, kept.length(sequenceNumber),
                track.offered().codec().rtxPayloadType(), rtxSsrc, target.nextRtxSequenceNumber(rtxSsrc),
                out.getBuffer());
        if (rtxLength < 0) {
            counters.retransmissionMisses.incrementAndGet();
            return;
        }
        out.setLength(rtxLength);
        if (sender.sendScratchRtp(target, rtxSsrc)) {
            counters.retransmissionsSent.incrementAndGet();
        }
    }
}
