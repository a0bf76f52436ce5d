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
    /// The latest sender report's NTP time (RFC 3550 §4: 32.32 fixed point seconds) and RTP timestamp.
    private long senderReportNtp;
    private long senderReportRtp;
    private boolean hasSenderReport;

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

    /// Keeps the NTP↔RTP pair of this layer's latest sender report (RFC 3550 §6.4.1).
    ///
    /// @param ntp 64-bit NTP timestamp
    /// @param rtp the RTP timestamp at that instant, 32 bits unsigned
    void onSenderReport(long ntp, long rtp) {
        senderReportNtp = ntp;
        senderReportRtp = rtp & 0xFFFF_FFFFL;
        hasSenderReport = true;
    }

    /// How many RTP ticks this layer's timestamps are ahead of `other`'s for the same capture instant, from both
    /// layers' latest sender reports (libwebrtc stamps all layers of a frame with one capture time, each layer
    /// from its own random base); [Long#MIN_VALUE] when either has sent none.
    ///
    /// @param clockRate the RTP clock, Hz
    long timestampOffsetFrom(LayerStream other, int clockRate) {
        if (!hasSenderReport || !other.hasSenderReport) {
            return Long.MIN_VALUE;
        }
        long ntpDifference = senderReportNtp - other.senderReportNtp; // this SR's instant minus the other's
        long ticks = Math.multiplyHigh(ntpDifference, (long) clockRate << 32); // × clock / 2^32
        // RTP of `this` at the other's SR instant is senderReportRtp − ticks
        return senderReportRtp - ticks - other.senderReportRtp;
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
