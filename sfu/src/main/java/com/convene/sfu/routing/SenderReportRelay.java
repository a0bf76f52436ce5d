package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtcp.RtcpPackets;
import org.jspecify.annotations.Nullable;

/// Feedback job: a publisher's RTCP sender report (RFC 3550 §6.4.1) feeds the track's reception statistics (for
/// LSR/DLSR in our receiver reports), the recording tap (its NTP↔RTP clock, decision 051) and every subscriber of the
/// track, unchanged. Loop only.
final class SenderReportRelay {
    /// Bytes of an SR header with sender info (RFC 3550 §6.4.1).
    private static final int SENDER_INFO_END = 28;

    private final SubscriberSender sender;

    SenderReportRelay(SubscriberSender sender) {
        this.sender = sender;
    }

    /// Relays the compound packet if it starts with an SR of a track `publisher` publishes.
    ///
    /// @return null when relayed or not an SR, [DropReason#UNKNOWN_SSRC] when the SR names no published track
    @Nullable DropReason relay(PeerTransport publisher, byte[] clear, int offset, int length, long nowNanos) {
        if (RtcpPackets.packetType(clear, offset) != RtcpPackets.SR) {
            return null;
        }
        TrackRoute route = publisher.findPublished(RtcpPackets.senderSsrc(clear, offset));
        if (route == null) {
            return DropReason.UNKNOWN_SSRC;
        }
        if (length >= SENDER_INFO_END) {
            route.reception().onSenderReport(RtcpPackets.senderReportNtpMiddle(clear, offset), nowNanos);
        }
        RtpTap tap = route.tap();
        if (tap != null) {
            tap.offerSenderReport(route, clear, offset, length, nowNanos);
        }
        for (PeerTransport subscriber : route.subscribers()) {
            sender.forwardRtcp(subscriber, clear, offset, length);
        }
        return null;
    }
}
