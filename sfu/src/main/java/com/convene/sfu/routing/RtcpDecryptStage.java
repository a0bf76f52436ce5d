package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.srtp.SrtpSession;

/// Stage: checks an SRTCP packet's first header (RFC 3550 §6.4), unprotects it (RFC 3711 §3.4) into the context's
/// clear buffer and checks the compound packet (RFC 3550 §6.1). Loop only.
final class RtcpDecryptStage implements PacketStage {
    /// Smallest RTCP packet: a header and an SSRC, bytes.
    private static final int MIN_RTCP = 8;

    @Override
    public String name() {
        return "srtcp-decrypt";
    }

    @Override
    public Verdict process(PacketContext packet) {
        byte[] datagram = packet.datagram;
        int length = packet.datagramLength;
        if (length < MIN_RTCP || (datagram[0] & 0xC0) != 0x80) {
            return packet.drop(DropReason.MALFORMED_RTCP);
        }
        PeerTransport transport = packet.transport();
        SrtpSession srtp = transport.srtp();
        if (srtp == null) {
            return transport.keepEarly(packet.datagram, packet.datagramLength, packet.arrivalNanos)
                    ? Verdict.CONSUMED : packet.drop(DropReason.SRTP_NOT_READY);
        }
        packet.clear.copyFrom(datagram, 0, length);
        DropReason failure = srtp.unprotectRtcp(packet.clear);
        if (failure != null) {
            return packet.drop(failure);
        }
        if (!RtcpPackets.isValidCompound(packet.clear.getBuffer(), packet.clear.getOffset(),
                packet.clear.getLength())) {
            return packet.drop(DropReason.MALFORMED_RTCP);
        }
        packet.srtp = srtp;
        return Verdict.FORWARD;
    }
}
