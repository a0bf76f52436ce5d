package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.srtp.SrtpSession;

/// Stage: checks an RTP header (RFC 3550 §5.1), finds the published track of its SSRC, SRTP-unprotects it
/// (RFC 3711 §3.3) into the context's clear buffer, and checks the clear packet and its payload type. Sets the
/// context's SSRC, route and sequence number. Loop only.
final class RtpDecryptStage implements PacketStage {

    @Override
    public String name() {
        return "srtp-decrypt";
    }

    @Override
    public Verdict process(PacketContext packet) {
        byte[] datagram = packet.datagram;
        int length = packet.datagramLength;
        if (RtpHeader.headerLength(datagram, 0, length) < 0) {
            return packet.drop(DropReason.MALFORMED_RTP);
        }
        PeerTransport transport = packet.transport();
        SrtpSession srtp = transport.srtp();
        if (srtp == null) {
            return transport.keepEarly(packet.datagram, packet.datagramLength, packet.arrivalNanos)
                    ? Verdict.CONSUMED : packet.drop(DropReason.SRTP_NOT_READY);
        }
        int ssrc = RtpHeader.ssrc(datagram, 0);
        TrackRoute route = transport.findPublished(ssrc);
        LayerStream layer = route == null ? null : route.layerOf(ssrc);
        if (route == null || layer == null) {
            return packet.drop(DropReason.UNKNOWN_SSRC);
        }
        packet.clear.copyFrom(datagram, 0, length);
        DropReason failure = srtp.unprotectRtp(packet.clear, ssrc);
        if (failure != null) {
            return packet.drop(failure);
        }
        byte[] clear = packet.clear.getBuffer();
        int offset = packet.clear.getOffset();
        if (!RtpHeader.isValid(clear, offset, packet.clear.getLength())) {
            return packet.drop(DropReason.MALFORMED_RTP);
        }
        if (RtpHeader.payloadType(clear, offset) != route.payloadType()) {
            return packet.drop(DropReason.UNKNOWN_PAYLOAD_TYPE);
        }
        packet.srtp = srtp;
        packet.ssrc = ssrc;
        packet.route = route;
        packet.layer = layer;
        packet.sequenceNumber = RtpHeader.sequenceNumber(clear, offset);
        return Verdict.FORWARD;
    }
}
