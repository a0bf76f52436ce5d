package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtcp.RtcpPackets;

/// Stage: sends each clear RTCP packet to the feedback job that handles it: a publisher's sender report to
/// [SenderReportRelay]; a subscriber's Generic NACKs (RFC 4585 §6.2.1) to [NackResponder], its PLIs and FIRs
/// (RFC 4585 §6.3.1, RFC 5104 §4.3.1) to [KeyFrameRequester]. Other RTCP (receiver reports, SDES, BYE) ends here.
/// Loop only.
final class RtcpFeedbackStage implements PacketStage {
    /// Smallest payload-specific feedback packet with its FCI, bytes.
    private static final int MIN_PSFB = 12;

    private final SenderReportRelay senderReports;
    private final NackResponder nackResponder;
    private final KeyFrameRequester keyFrames;
    private final MediaCounters counters;

    RtcpFeedbackStage(SenderReportRelay senderReports, NackResponder nackResponder, KeyFrameRequester keyFrames,
            MediaCounters counters) {
        this.senderReports = senderReports;
        this.nackResponder = nackResponder;
        this.keyFrames = keyFrames;
        this.counters = counters;
    }

    @Override
    public String name() {
        return "rtcp-feedback";
    }

    @Override
    public Verdict process(PacketContext packet) {
        PeerTransport transport = packet.transport();
        byte[] clear = packet.clear.getBuffer();
        int offset = packet.clear.getOffset();
        int length = packet.clear.getLength();
        if (transport.role() == PeerTransport.Role.PUBLISH) {
            DropReason failure = senderReports.relay(transport, clear, offset, length, packet.arrivalNanos);
            return failure == null ? Verdict.CONSUMED : packet.drop(failure);
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int packetLength = RtcpPackets.packetLength(clear, position);
            int packetType = RtcpPackets.packetType(clear, position);
            if (packetType == RtcpPackets.RTPFB && RtcpPackets.format(clear, position) == RtcpPackets.FMT_NACK
                    && packetLength >= RtcpPackets.FEEDBACK_HEADER_LENGTH) {
                onNack(transport, clear, position, packetLength);
            }
            if (packetType == RtcpPackets.PSFB && packetLength >= MIN_PSFB) {
                onKeyFrameRequest(transport, clear, position, packet.arrivalNanos);
            }
            position += packetLength;
        }
        return Verdict.CONSUMED;
    }

    private void onNack(PeerTransport subscriber, byte[] clear, int position, int packetLength) {
        counters.nacksReceived.incrementAndGet();
        counters.nackedPackets.addAndGet(RtcpPackets.nackedPackets(clear, position, packetLength));
        TrackRoute route = subscriber.findSubscribed(RtcpPackets.mediaSsrc(clear, position));
        if (route != null) {
            nackResponder.answer(subscriber, route, clear, position, packetLength);
        }
    }

    private void onKeyFrameRequest(PeerTransport subscriber, byte[] clear, int position, long nowNanos) {
        int format = RtcpPackets.format(clear, position);
        int mediaSsrc = format == RtcpPackets.FMT_PLI ? RtcpPackets.mediaSsrc(clear, position)
                : format == RtcpPackets.FMT_FIR ? RtcpPackets.firSsrc(clear, position) : 0;
        if (format == RtcpPackets.FMT_PLI || format == RtcpPackets.FMT_FIR) {
            counters.plisReceived.incrementAndGet();
        }
        TrackRoute route = mediaSsrc == 0 ? null : subscriber.findSubscribed(mediaSsrc);
        DownTrack downTrack = route == null ? null : route.downTrackOf(subscriber);
        if (route != null && downTrack != null) {
            int layer = downTrack.currentLayer() >= 0 ? downTrack.currentLayer() : downTrack.targetLayer();
            keyFrames.request(route, Math.max(0, layer), nowNanos, false);
        }
    }
}
