package com.convene.sfu.routing;

import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.srtp.PacketBuffer;

/// Feedback job: asks a publisher with a Generic NACK (RFC 4585 §6.2.1) for video packets that never reached the
/// SFU, as soon as the gap is seen. Bursts longer than one NACK can name are left to key-frame requests. Loop only.
final class NackGenerator {
    private final RtcpSender sender;
    private final MediaCounters counters;

    NackGenerator(RtcpSender sender, MediaCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    /// Sends the publisher one NACK for `count` packets starting at `firstLost`.
    ///
    /// @param firstLost first missing sequence number, 0–65,535
    /// @param count     how many are missing in a row, 1 or more
    void onGap(TrackRoute route, LayerStream layer, int firstLost, int count) {
        if (count > RtcpPackets.MAX_NACKED_IN_ONE_PACKET) {
            return;
        }
        PacketBuffer buffer = sender.buffer();
        buffer.setLength(RtcpPackets.writeNack(buffer.getBuffer(), 0, RtcpSender.SFU_SSRC, layer.ssrc(), firstLost,
                count));
        sender.send(route.publisher(), counters.nacksSent);
    }
}
