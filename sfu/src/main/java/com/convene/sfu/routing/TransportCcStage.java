package com.convene.sfu.routing;

import com.convene.sfu.cc.TransportCcReceiver;
import com.convene.sfu.rtp.HeaderExtensions;
import com.convene.sfu.srtp.PacketBuffer;

/// Stage: records the transport-wide sequence number of a publisher's packet (its `transport-wide-cc` header
/// extension, RFC 8285) with its arrival time, and every [TransportCcReceiver#INTERVAL_NANOS] sends the publisher
/// a transport-cc feedback message through [RtcpSender], so its libwebrtc's delay-based estimate ramps up and backs
/// off as on a direct path (docs/media-quality.md "Transport-wide feedback"). Never drops. Loop only.
final class TransportCcStage implements PacketStage {
    private final RtcpSender sender;
    private final MediaCounters counters;

    TransportCcStage(RtcpSender sender, MediaCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    @Override
    public String name() {
        return "transport-cc";
    }

    @Override
    public Verdict process(PacketContext packet) {
        PeerTransport transport = packet.transport();
        TransportCcReceiver receiver = transport.transportCc();
        if (receiver == null) {
            return Verdict.FORWARD;
        }
        byte[] clear = packet.clear.getBuffer();
        int at = HeaderExtensions.find(clear, packet.clear.getOffset(), packet.clear.getLength(),
                receiver.extensionId());
        if (at >= 0) {
            receiver.onPacket(((clear[at] & 0xFF) << 8) | (clear[at + 1] & 0xFF), packet.arrivalNanos);
        }
        if (receiver.feedbackDue(packet.arrivalNanos)) {
            PacketBuffer buffer = sender.buffer();
            int length = receiver.writeFeedback(buffer.getBuffer(), 0, RtcpSender.SFU_SSRC, packet.ssrc,
                    packet.arrivalNanos);
            if (length > 0) {
                buffer.setLength(length);
                sender.send(transport, counters.transportCcFeedbacksSent);
            }
        }
        return Verdict.FORWARD;
    }
}
