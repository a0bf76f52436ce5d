package com.convene.sfu.routing;

import com.convene.sfu.rtcp.PliThrottle;
import com.convene.sfu.rtp.ReceptionStatistics;
import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.SequenceGaps;
import org.jspecify.annotations.Nullable;

/// One RTP stream a publisher sends for a track: the track itself, or one simulcast layer of it (docs/glossary.md
/// "simulcast layer"). It has its own SSRC, sequence numbers and receive state (RFC 3550 §8: one SSRC per stream).
///
/// Confined to the socket event loop, except [#ssrc()] and [#index()], which are immutable.
final class LayerStream {
    /// How long a layer may be silent before it counts as stopped, ns (libwebrtc sends video at ≥ 1 fps when
    /// a layer runs; a layer the publisher paused sends nothing).
    static final long ACTIVE_NANOS = 1_000_000_000L;

    private final int index;
    private final int ssrc;
    private final ReceptionStatistics reception;
    private final SequenceGaps sequenceGaps = new SequenceGaps();
    private final @Nullable RetransmissionBuffer history;
    private final PliThrottle pliThrottle;
    private long lastPacketNanos = Long.MIN_VALUE;

    /// @param index        0 for the lowest layer (or the only stream), upwards
    /// @param ssrc         the stream's SSRC
    /// @param clockRate    the codec's RTP clock rate, Hz
    /// @param keepsHistory whether to keep packets for NACKs (video with NACK)
    /// @param pliThrottleNanos minimum gap between relayed PLIs for this stream, ns
    LayerStream(int index, int ssrc, int clockRate, boolean keepsHistory, long pliThrottleNanos) {
        this.index = index;
        this.ssrc = ssrc;
        this.reception = new ReceptionStatistics(clockRate);
        this.history = keepsHistory ? new RetransmissionBuffer() : null;
        this.pliThrottle = new PliThrottle(pliThrottleNanos);
    }

    int index() {
        return index;
    }

    int ssrc() {
        return ssrc;
    }

    ReceptionStatistics reception() {
        return reception;
    }

    SequenceGaps sequenceGaps() {
        return sequenceGaps;
    }

    @Nullable RetransmissionBuffer history() {
        return history;
    }

    PliThrottle pliThrottle() {
        return pliThrottle;
    }

    /// Notes that a packet of this layer arrived.
    void onPacket(long nowNanos) {
        lastPacketNanos = nowNanos;
    }

    /// Whether a packet arrived within [#ACTIVE_NANOS].
    boolean active(long nowNanos) {
        return lastPacketNanos != Long.MIN_VALUE && nowNanos - lastPacketNanos < ACTIVE_NANOS;
    }
}
