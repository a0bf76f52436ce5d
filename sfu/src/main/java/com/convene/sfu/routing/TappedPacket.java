package com.convene.sfu.routing;

import com.convene.sfu.PublishedTrack;
import com.convene.sfu.srtp.PacketBuffer;
import org.jspecify.annotations.Nullable;

/// A pooled copy of one tapped packet, or a track-ended marker. Owned by the socket loop between taking it from
/// the pool and queueing it, then by the tap's consumer until it returns it to the pool.
final class TappedPacket {
    enum Kind { RTP, SENDER_REPORT, TRACK_ENDED }

    final byte[] data;
    Kind kind = Kind.RTP;
    @Nullable PublishedTrack track;
    int length;
    long arrivalNanos;
    /// Whether it belongs to the pool (markers are allocated on the rare track end and not pooled).
    final boolean pooled;

    TappedPacket(boolean pooled) {
        this.pooled = pooled;
        this.data = new byte[pooled ? PacketBuffer.CAPACITY : 0];
    }
}
