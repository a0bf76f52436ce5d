package com.convene.sfu.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NackCountTest {

    @Test
    void countsEachPacketIdAndEveryBitOfItsBitmask() {
        // RFC 4585 §6.2.1: header (V=2, FMT=1, PT=205, length 4 words), sender SSRC, media SSRC, two FCIs
        byte[] nack = {
            (byte) 0x81, (byte) 205, 0, 4,
            0, 0, 0, 1,
            0, 0, 0, 2,
            0x01, 0x00, 0x00, 0x00, // PID 256, BLP none: 1 packet
            0x01, 0x10, (byte) 0x80, 0x03 // PID 272, BLP bits 0, 1, 15: 4 packets
        };

        assertThat(RtcpPackets.packetLength(nack, 0)).isEqualTo(20);
        assertThat(RtcpPackets.nackedPackets(nack, 0, 20)).isEqualTo(5);
    }
}
