package com.convene.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.srtp.PacketBuffer;

/// Fuzzes the RTCP reading the SFU does on a decrypted compound packet (RFC 3550 §6.4, RFC 4585 §6, RFC 5104
/// §4.3.1): the compound check, then, packet by packet as the media router walks it, the type, format, SSRCs,
/// Generic NACK entries and the sender report's NTP time. The input array is exactly the packet, so any read past
/// the end throws. The raw bytes also go through jitsi-srtp's SRTCP unprotect, which must answer with a drop
/// reason. A finding is any exception or error, or a NACK walk that disagrees with the NACK count.
///
/// Corpus: `RtcpParserFuzzTestInputs/parse/` (SR, RR, NACK, PLI, FIR and a compound of them; broken ones).
class RtcpParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] packet) {
        new SrtpPair().receiver().unprotectRtcp(new PacketBuffer().copyFrom(packet, 0,
                Math.min(packet.length, PacketBuffer.CAPACITY)));
        if (!RtcpPackets.isValidCompound(packet, 0, packet.length)) {
            return;
        }
        int position = 0;
        while (position < packet.length) {
            int packetLength = RtcpPackets.packetLength(packet, position);
            int packetType = RtcpPackets.packetType(packet, position);
            int format = RtcpPackets.format(packet, position);
            if (packetLength >= 8) {
                RtcpPackets.senderSsrc(packet, position);
            }
            if (packetType == RtcpPackets.SR && packetLength >= 28) {
                RtcpPackets.senderReportNtpMiddle(packet, position);
            }
            if (packetType == RtcpPackets.RTPFB && format == RtcpPackets.FMT_NACK
                    && packetLength >= RtcpPackets.FEEDBACK_HEADER_LENGTH) {
                RtcpPackets.mediaSsrc(packet, position);
                int counted = RtcpPackets.nackedPackets(packet, position, packetLength);
                int[] walked = {0};
                RtcpPackets.forEachNacked(packet, position, packetLength, sequence -> {
                    if (sequence < 0 || sequence > 0xFFFF) {
                        throw new IllegalStateException("NACKed sequence number out of range: " + sequence);
                    }
                    walked[0]++;
                });
                if (walked[0] != counted) {
                    throw new IllegalStateException("NACK count " + counted + " but walked " + walked[0]);
                }
            }
            if (packetType == RtcpPackets.PSFB && packetLength >= 12) {
                if (format == RtcpPackets.FMT_PLI) {
                    RtcpPackets.mediaSsrc(packet, position);
                } else if (format == RtcpPackets.FMT_FIR) {
                    RtcpPackets.firSsrc(packet, position);
                }
            }
            position += packetLength;
        }
    }
}
