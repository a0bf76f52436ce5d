package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtcp.RtcpPackets;
import org.jspecify.annotations.Nullable;

/// Feedback job: a publisher's RTCP sender report (RFC 3550 §6.4.1) feeds the layer's reception statistics (for
/// LSR/DLSR in our receiver reports), the recording tap (its NTP↔RTP clock, decision 051) and every subscriber of the
/// track. A track in one stream relays the compound packet unchanged; for a simulcast track only the report of
/// the layer a subscriber gets is relayed to it, with the subscriber's SSRC and timestamp shift ([DownTrack]) so
/// its NTP↔RTP mapping matches the rewritten packets. Loop only.
final class SenderReportRelay {
    /// Bytes of an SR header with sender info (RFC 3550 §6.4.1).
    private static final int SENDER_INFO_END = 28;
    /// Offset of the RTP timestamp in an SR (RFC 3550 §6.4.1).
    private static final int RTP_TIMESTAMP_AT = 16;

    private final SubscriberSender sender;
    /// Scratch copy of an SR rewritten for the recording tap.
    private final byte[] tapCopy = new byte[com.convene.sfu.srtp.PacketBuffer.CAPACITY];

    SenderReportRelay(SubscriberSender sender) {
        this.sender = sender;
    }

    /// Relays the compound packet if it starts with an SR of a track `publisher` publishes.
    ///
    /// @return null when relayed or not an SR, [DropReason#UNKNOWN_SSRC] when the SR names no published stream
    @Nullable DropReason relay(PeerTransport publisher, byte[] clear, int offset, int length, long nowNanos) {
        if (RtcpPackets.packetType(clear, offset) != RtcpPackets.SR) {
            return null;
        }
        int senderSsrc = RtcpPackets.senderSsrc(clear, offset);
        TrackRoute route = publisher.findPublished(senderSsrc);
        LayerStream layer = route == null ? null : route.layerOf(senderSsrc);
        if (route == null || layer == null) {
            return DropReason.UNKNOWN_SSRC;
        }
        if (length >= SENDER_INFO_END) {
            layer.reception().onSenderReport(RtcpPackets.senderReportNtpMiddle(clear, offset), nowNanos);
            long ntp = ((long) RtcpPackets.readI32(clear, offset + 8) << 32)
                    | (RtcpPackets.readI32(clear, offset + 12) & 0xFFFF_FFFFL);
            layer.onSenderReport(ntp, RtcpPackets.readI32(clear, offset + RTP_TIMESTAMP_AT) & 0xFFFF_FFFFL);
        }
        if (!route.simulcast()) {
            RtpTap tap = route.tap();
            if (tap != null) {
                tap.offerSenderReport(route, clear, offset, length, nowNanos);
            }
            for (DownTrack downTrack : route.subscribers()) {
                sender.forwardRtcp(downTrack.subscriber(), clear, offset, length);
            }
            return null;
        }
        if (length < SENDER_INFO_END) {
            return null;
        }
        // Only the SR itself (the first packet of the compound) is relayed, rewritten per subscriber.
        int srLength = Math.min(length, RtcpPackets.packetLength(clear, offset));
        RtpTap tap = route.tap();
        DownTrack recording = route.tapDownTrack();
        if (tap != null && recording != null && recording.currentLayer() == layer.index()) {
            System.arraycopy(clear, offset, tapCopy, 0, srLength);
            rewrite(tapCopy, route, recording);
            tap.offerSenderReport(route, tapCopy, 0, srLength, nowNanos);
        }
        for (DownTrack downTrack : route.subscribers()) {
            if (downTrack.currentLayer() != layer.index()) {
                continue;
            }
            var copy = sender.scratch();
            System.arraycopy(clear, offset, copy.getBuffer(), 0, srLength);
            copy.setLength(srLength);
            rewrite(copy.getBuffer(), route, downTrack);
            sender.sendScratchRtcp(downTrack.subscriber());
        }
        return null;
    }

    /// Gives an SR at offset 0 the down track's SSRC and timestamp shift.
    private static void rewrite(byte[] sr, TrackRoute route, DownTrack downTrack) {
        writeInt(sr, 4, route.ssrc());
        long timestamp = RtcpPackets.readI32(sr, RTP_TIMESTAMP_AT) & 0xFFFF_FFFFL;
        writeInt(sr, RTP_TIMESTAMP_AT, (int) (timestamp + downTrack.timestampDelta()));
    }

    private static void writeInt(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
