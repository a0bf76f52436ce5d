package com.convene.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.convene.sfu.DropReason;
import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.PacketClass;

/// Fuzzes what the SFU reads from an RTP datagram (RFC 3550 §5.1, RFC 7983 demultiplexing, RFC 3711 SRTP):
/// the packet class, the header checks and fields, and jitsi-srtp's unprotect of the raw bytes. When the input is a
/// valid RTP packet it is also protected with one session and unprotected with the mirrored one, which must give
/// back the same bytes. A finding is any exception or error, a header length outside the datagram, or a round
/// trip that changes the packet. Packets marked for cryptex (RFC 9335), which the SFU does not negotiate, must be
/// refused as malformed.
///
/// Corpus: `RtpParserFuzzTestInputs/parse/` (RTP packets with CSRCs, a header extension, padding; broken ones).
class RtpParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] datagram) {
        int length = datagram.length;
        PacketClass.of(datagram, 0, length);
        RtpHeader.isRtcp(datagram, 0, length);
        int headerLength = RtpHeader.headerLength(datagram, 0, length);
        if (headerLength > length || (headerLength >= 0 && headerLength < RtpHeader.FIXED_LENGTH)) {
            throw new IllegalStateException("header length " + headerLength + " for a " + length + "-byte packet");
        }
        SrtpPair raw = new SrtpPair();
        SrtpPair pair = new SrtpPair();
        // As received from the network: the SRTP layer must drop it with a reason, never throw.
        int ssrc = length >= RtpHeader.FIXED_LENGTH ? RtpHeader.ssrc(datagram, 0) : 0;
        raw.receiver().unprotectRtp(new PacketBuffer().copyFrom(datagram, 0, length), ssrc);
        if (!RtpHeader.isValid(datagram, 0, length) || length > PacketBuffer.CAPACITY - 16) {
            return;
        }
        RtpHeader.payloadType(datagram, 0);
        RtpHeader.sequenceNumber(datagram, 0);
        RtpHeader.timestamp(datagram, 0);
        PacketBuffer packet = new PacketBuffer().copyFrom(datagram, 0, length);
        DropReason protect = pair.sender().protectRtp(packet, ssrc);
        if (protect != null) {
            return; // e.g. more SSRCs than a session holds: a drop, not a fault
        }
        DropReason unprotect = pair.receiver().unprotectRtp(packet, ssrc);
        if (cryptexProfile(datagram)) {
            // RFC 9335 cryptex is not negotiated: such packets must be refused (regression input crash-b0179a69...)
            if (unprotect != DropReason.MALFORMED_RTP) {
                throw new IllegalStateException("packet with a cryptex extension profile accepted: " + unprotect);
            }
            return;
        }
        if (unprotect != null) {
            throw new IllegalStateException("own SRTP packet refused: " + unprotect);
        }
        if (!java.util.Arrays.equals(packet.getBuffer(), packet.getOffset(), packet.getOffset() + packet.getLength(),
                datagram, 0, length)) {
            throw new IllegalStateException("SRTP round trip changed the packet");
        }
    }

    private static boolean cryptexProfile(byte[] packet) {
        if ((packet[0] & 0x10) == 0) {
            return false;
        }
        int at = RtpHeader.FIXED_LENGTH + 4 * (packet[0] & 0x0F);
        int extensionProfile = ((packet[at] & 0xFF) << 8) | (packet[at + 1] & 0xFF);
        return extensionProfile == 0xC0DE || extensionProfile == 0xC2DE;
    }
}
