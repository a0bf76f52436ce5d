package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/// Sends the RTCP feedback the SFU itself writes (PLIs, NACKs, receiver reports) to a publisher: the feedback
/// jobs write one packet into [#buffer()], then [#send] protects it with SRTCP (RFC 3711 §3.4) and sends it.
///
/// One buffer, reused: never allocates per packet. Loop only.
final class RtcpSender {
    /// SSRC the SFU uses as sender of the RTCP it writes ("SFU1").
    static final int SFU_SSRC = 0x53465531;

    private final UdpSocketLoop loop;
    private final DropCounters pathDrops;
    private final DropCounters drops = new DropCounters();
    private final PacketBuffer feedback = new PacketBuffer();

    RtcpSender(UdpSocketLoop loop, DropCounters pathDrops) {
        this.loop = loop;
        this.pathDrops = pathDrops;
    }

    /// The buffer, emptied, to write one clear RTCP packet into at offset 0; set its length when done.
    PacketBuffer buffer() {
        feedback.copyFrom(feedback.getBuffer(), 0, 0);
        return feedback;
    }

    /// Protects the packet in [#buffer()] for `publisher` and sends it, counting it in `sent`.
    ///
    /// @return false when the publisher has no keys or address yet, or sending failed (counted)
    boolean send(PeerTransport publisher, AtomicLong sent) {
        SrtpSession srtp = publisher.srtp();
        InetSocketAddress target = publisher.address();
        if (srtp == null || target == null || publisher.closed()) {
            return false;
        }
        @Nullable DropReason failure = srtp.protectRtcp(feedback);
        if (failure != null) {
            count(failure);
            return false;
        }
        if (!loop.sendFromLoop(feedback.getBuffer(), feedback.getOffset(), feedback.getLength(), target)) {
            count(DropReason.SEND_FAILED);
            return false;
        }
        sent.incrementAndGet();
        return true;
    }

    /// Drops by reason at this stage.
    DropCounters drops() {
        return drops;
    }

    private void count(DropReason reason) {
        drops.count(reason);
        pathDrops.count(reason);
    }
}
