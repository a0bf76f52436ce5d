package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/// The last two stages towards a subscriber: SRTP/SRTCP protect with the subscriber's keys (RFC 3711 §3.3, §3.4)
/// and UDP out from the socket loop. Failures are counted by reason here and in the media path's totals.
///
/// Owns one scratch buffer, so it never allocates per packet. Loop only.
final class SubscriberSender {
    private final UdpSocketLoop loop;
    private final DropCounters pathDrops;
    private final DropCounters drops = new DropCounters();
    private final MediaCounters counters;
    private final PacketBuffer outbound = new PacketBuffer();

    SubscriberSender(UdpSocketLoop loop, DropCounters pathDrops, MediaCounters counters) {
        this.loop = loop;
        this.pathDrops = pathDrops;
        this.counters = counters;
    }

    /// Protects a copy of a clear RTP packet for `subscriber` and sends it; counted as forwarded.
    ///
    /// @param ssrc the packet's SSRC (jitsi-srtp keeps one context per SSRC)
    /// @return false when the subscriber is not connected yet or the copy was dropped
    boolean forwardRtp(PeerTransport subscriber, byte[] clear, int offset, int length, int ssrc) {
        SrtpSession out = subscriber.srtp();
        InetSocketAddress target = subscriber.address();
        if (out == null || target == null) {
            return false;
        }
        outbound.copyFrom(clear, offset, length);
        return counted(out.protectRtp(outbound, ssrc)) && send(target, true);
    }

    /// Protects a copy of a clear RTCP compound packet for `subscriber` and sends it; counted as forwarded.
    ///
    /// @return false when the subscriber is not connected yet or the copy was dropped
    boolean forwardRtcp(PeerTransport subscriber, byte[] clear, int offset, int length) {
        SrtpSession out = subscriber.srtp();
        InetSocketAddress target = subscriber.address();
        if (out == null || target == null) {
            return false;
        }
        outbound.copyFrom(clear, offset, length);
        return counted(out.protectRtcp(outbound)) && send(target, true);
    }

    /// The scratch buffer, emptied, for a packet the caller writes itself (an RTX packet); then [#sendScratchRtp].
    PacketBuffer scratch() {
        outbound.copyFrom(outbound.getBuffer(), 0, 0);
        return outbound;
    }

    /// Protects the RTP packet the caller wrote into [#scratch] and sends it; counts its bytes as forwarded, and
    /// the packet too unless it is a retransmission (counted apart).
    ///
    /// @param ssrc           the SSRC in the packet
    /// @param retransmission whether it is an RTX packet
    /// @return false when the subscriber is not connected or it was dropped
    boolean sendScratchRtp(PeerTransport subscriber, int ssrc, boolean retransmission) {
        SrtpSession out = subscriber.srtp();
        InetSocketAddress target = subscriber.address();
        if (out == null || target == null) {
            return false;
        }
        return counted(out.protectRtp(outbound, ssrc)) && send(target, !retransmission);
    }

    /// Protects the RTCP packet the caller wrote into [#scratch] and sends it; counted as forwarded.
    ///
    /// @return false when the subscriber is not connected or it was dropped
    boolean sendScratchRtcp(PeerTransport subscriber) {
        SrtpSession out = subscriber.srtp();
        InetSocketAddress target = subscriber.address();
        if (out == null || target == null) {
            return false;
        }
        return counted(out.protectRtcp(outbound)) && send(target, true);
    }

    /// Drops by reason at this stage (SRTP protect failures and failed sends).
    DropCounters drops() {
        return drops;
    }

    private boolean counted(@Nullable DropReason failure) {
        if (failure != null) {
            drops.count(failure);
            pathDrops.count(failure);
            return false;
        }
        return true;
    }

    private boolean send(InetSocketAddress target, boolean countPacket) {
        if (!loop.sendFromLoop(outbound.getBuffer(), outbound.getOffset(), outbound.getLength(), target)) {
            drops.count(DropReason.SEND_FAILED);
            pathDrops.count(DropReason.SEND_FAILED);
            return false;
        }
        if (countPacket) {
            counters.packetsForwarded.incrementAndGet();
        }
        counters.bytesForwarded.addAndGet(outbound.getLength());
        return true;
    }
}
