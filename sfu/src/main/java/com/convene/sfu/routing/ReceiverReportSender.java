package com.convene.sfu.routing;

import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.srtp.PacketBuffer;

/// Feedback job: sends a publisher one receiver report (RFC 3550 §6.4.2) with a block for each stream it
/// publishes (each simulcast layer is a stream), about once a second, so its bandwidth estimation learns that its packets arrive and what is lost, and
/// its round trip (LSR/DLSR). Loop only.
final class ReceiverReportSender {
    /// Report blocks one RR can hold (RFC 3550 §6.4.2: a 5-bit count).
    private static final int MAX_BLOCKS = 31;

    private final RtcpSender sender;
    private final MediaCounters counters;

    ReceiverReportSender(RtcpSender sender, MediaCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    /// Sends `publisher` a report if one is due ([PeerTransport#receiverReportDue]).
    ///
    /// @param nowNanos [System#nanoTime()] ns
    void maybeSend(PeerTransport publisher, long nowNanos) {
        if (!publisher.receiverReportDue(nowNanos)) {
            return;
        }
        TrackRoute[] routes = publisher.published();
        if (publisher.address() == null || routes.length == 0) {
            return;
        }
        PacketBuffer buffer = sender.buffer();
        byte[] bytes = buffer.getBuffer();
        int length = 8;
        int blocks = 0;
        for (TrackRoute route : routes) {
            for (LayerStream layer : route.layers()) {
                if (blocks == MAX_BLOCKS) {
                    break;
                }
                int written = layer.reception().writeReportBlock(bytes, length, layer.ssrc(), nowNanos);
                length += written;
                blocks += written > 0 ? 1 : 0;
            }
        }
        if (blocks == 0) {
            return;
        }
        RtcpPackets.writeReceiverReportHeader(bytes, 0, RtcpSender.SFU_SSRC, blocks);
        buffer.setLength(length);
        sender.send(publisher, counters.receiverReportsSent);
    }
}
