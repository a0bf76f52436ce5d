package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.srtp.PacketBuffer;

/// Feedback job: asks a track's publisher for a key frame with a PLI (RFC 4585 §6.3.1), at most one per the
/// route's throttle interval unless forced (a new subscriber, a recording tap, fresh SRTP keys). Subscribers' PLIs
/// and FIRs (RFC 5104 §4.3.1) arrive here through [RtcpFeedbackStage]. Loop only.
final class KeyFrameRequester {
    private final RtcpSender sender;
    private final DropCounters pathDrops;
    private final DropCounters drops = new DropCounters();
    private final MediaCounters counters;

    KeyFrameRequester(RtcpSender sender, DropCounters pathDrops, MediaCounters counters) {
        this.sender = sender;
        this.pathDrops = pathDrops;
        this.counters = counters;
    }

    /// Sends a PLI for the SSRC of `route`'s layer `layerIndex` to its publisher, unless throttled (counted as
    /// [DropReason#PLI_THROTTLED]); an index past the top layer asks for the top layer.
    ///
    /// @param layerIndex 0 for the lowest (or only) stream
    /// @param nowNanos [System#nanoTime()] ns
    /// @param force    send even when the throttle refuses (the slot is still taken when free)
    void request(TrackRoute route, int layerIndex, long nowNanos, boolean force) {
        LayerStream[] layers = route.layers();
        LayerStream layer = layers[Math.max(0, Math.min(layerIndex, layers.length - 1))];
        boolean allowed = layer.pliThrottle().tryAcquire(nowNanos);
        if (!allowed && !force) {
            drops.count(DropReason.PLI_THROTTLED);
            pathDrops.count(DropReason.PLI_THROTTLED);
            return;
        }
        PacketBuffer buffer = sender.buffer();
        buffer.setLength(RtcpPackets.writePli(buffer.getBuffer(), 0, RtcpSender.SFU_SSRC, layer.ssrc()));
        sender.send(route.publisher(), counters.plisSent);
    }

    /// Drops by reason at this job.
    DropCounters drops() {
        return drops;
    }
}
