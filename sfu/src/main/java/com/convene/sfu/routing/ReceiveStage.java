package com.convene.sfu.routing;

import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.RtpHeader;

/// Stage: the per-stream receive side of a published track (per simulcast layer): reception statistics for receiver reports
/// (RFC 3550 §6.4.1, §A.8), sequence gaps counted as lost and NACKed upstream at once ([NackGenerator]), and the clear
/// packet kept in the retransmission cache for subscribers' NACKs. Never drops. Loop only.
final class ReceiveStage implements PacketStage {
    private final NackGenerator nacks;
    private final MediaCounters counters;

    ReceiveStage(NackGenerator nacks, MediaCounters counters) {
        this.nacks = nacks;
        this.counters = counters;
    }

    @Override
    public String name() {
        return "receive";
    }

    @Override
    public Verdict process(PacketContext packet) {
        TrackRoute route = packet.route();
        LayerStream layer = packet.layer();
        byte[] clear = packet.clear.getBuffer();
        int offset = packet.clear.getOffset();
        int sequenceNumber = packet.sequenceNumber;
        layer.onPacket(packet.arrivalNanos);
        layer.reception().onPacket(sequenceNumber, RtpHeader.timestamp(clear, offset), packet.arrivalNanos);
        int missing = layer.sequenceGaps().record(sequenceNumber);
        RetransmissionBuffer history = layer.history();
        if (missing > 0) {
            counters.rtpPacketsLost.addAndGet(missing);
            if (history != null) {
                nacks.onGap(route, layer, (sequenceNumber - missing) & 0xFFFF, missing);
            }
        }
        if (history != null) {
            history.store(clear, offset, packet.clear.getLength(), sequenceNumber);
        }
        return Verdict.FORWARD;
    }
}
