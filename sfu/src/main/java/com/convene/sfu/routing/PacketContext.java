package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/// The one packet travelling through a [StageChain], and what the stages have learned about it so far
/// (STYLE.md §4). One instance per socket loop, reused for every datagram: nothing here is allocated per packet.
///
/// Filled in order: the datagram and arrival time by the loop; the transport by [TransportLookupStage]; the clear
/// packet, SSRC, route and sequence number by the decrypt stages. A stage may read only what an earlier stage of
/// its chain set.
final class PacketContext {
    /// The datagram as received (encrypted for SRTP/SRTCP); valid only during the chain's run.
    byte[] datagram = new byte[0];
    /// Its length, bytes.
    int datagramLength;
    /// Where it came from.
    @Nullable InetSocketAddress source;
    /// Arrival time, [System#nanoTime()] ns.
    long arrivalNanos;
    /// The transport bound to [#source], once looked up.
    @Nullable PeerTransport transport;
    /// That transport's SRTP session, once keys are known.
    @Nullable SrtpSession srtp;
    /// The decrypted RTP or RTCP packet (offset and length as jitsi-srtp leaves them).
    final PacketBuffer clear = new PacketBuffer();
    /// The published track an RTP packet belongs to, once known.
    @Nullable TrackRoute route;
    /// The stream (simulcast layer) of that track the packet arrived in, once known.
    @Nullable LayerStream layer;
    /// The RTP packet's SSRC.
    int ssrc;
    /// The RTP packet's sequence number, 0–65,535.
    int sequenceNumber;
    /// Why the packet was dropped, set with [#drop].
    @Nullable DropReason dropReason;

    /// Starts a new packet, forgetting everything about the previous one.
    void reset(byte[] datagram, int length, InetSocketAddress source, long arrivalNanos) {
        this.datagram = datagram;
        this.datagramLength = length;
        this.source = source;
        this.arrivalNanos = arrivalNanos;
        this.transport = null;
        this.srtp = null;
        this.route = null;
        this.layer = null;
        this.ssrc = 0;
        this.sequenceNumber = 0;
        this.dropReason = null;
    }

    /// Marks the packet dropped.
    ///
    /// @param reason why
    /// @return [Verdict#DROP], for `return packet.drop(...)`
    Verdict drop(DropReason reason) {
        this.dropReason = reason;
        return Verdict.DROP;
    }

    /// The transport; only after [TransportLookupStage].
    PeerTransport transport() {
        PeerTransport t = transport;
        if (t == null) {
            throw new IllegalStateException("no transport yet: stage order");
        }
        return t;
    }

    /// The SRTP session; only after a decrypt stage.
    SrtpSession srtp() {
        SrtpSession s = srtp;
        if (s == null) {
            throw new IllegalStateException("no SRTP session yet: stage order");
        }
        return s;
    }

    /// The layer; only after [RtpDecryptStage].
    LayerStream layer() {
        LayerStream l = layer;
        if (l == null) {
            throw new IllegalStateException("no layer yet: stage order");
        }
        return l;
    }

    /// The route; only after [RtpDecryptStage].
    TrackRoute route() {
        TrackRoute r = route;
        if (r == null) {
            throw new IllegalStateException("no route yet: stage order");
        }
        return r;
    }
}
