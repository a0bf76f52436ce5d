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
        java.util.List<Integer> lost = new java.util.ArrayList<>();
        RtcpPackets.forEachNacked(nack, 0, 20, lost::add);
        assertThat(lost).containsExactly(256, 272, 273, 274, 288);
    }

    @Test
    void writesNacksForRunsOfLostPacketsAcrossTheSequenceWrap() {
        byte[] buffer = new byte[64];
        int length = RtcpPackets.writeNack(buffer, 0, 0x53465531, 0xCAFEBABE, 65_530, 20);

        assertThat(length).isEqualTo(12 + 8); // two FCIs: 17 + 3
        assertThat(RtcpPackets.packetLength(buffer, 0)).isEqualTo(length);
        assertThat(RtcpPackets.isValidCompound(buffer, 0, length)).isTrue();
        assertThat(RtcpPackets.packetType(buffer, 0)).isEqualTo(RtcpPackets.RTPFB);
        assertThat(RtcpPackets.format(buffer, 0)).isEqualTo(RtcpPackets.FMT_NACK);
        assertThat(RtcpPackets.mediaSsrc(buffer, 0)).isEqualTo(0xCAFEBABE);
        java.util.List<Integer> lost = new java.util.ArrayList<>();
        RtcpPackets.forEachNacked(buffer, 0, length, lost::add);
        assertThat(lost).hasSize(20).startsWith(65_530, 65_531).contains(65_535, 0).endsWith(12, 13);

        assertThat(RtcpPackets.writeNack(buffer, 0, 1, 2, 7, 1)).isEqualTo(16);
        java.util.List<Integer> one = new java.util.ArrayList<>();
        RtcpPackets.forEachNacked(buffer, 0, 16, one::add);
        assertThat(one).containsExactly(7);
    }
}
