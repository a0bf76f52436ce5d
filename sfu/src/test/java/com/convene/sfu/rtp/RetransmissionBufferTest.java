package com.convene.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/// The SFU's retransmission buffer and the RTX packets built from it (RFC 4588 §4).
class RetransmissionBufferTest {

    private static byte[] rtp(int seq, int payloadBytes) {
        byte[] packet = new byte[12 + payloadBytes];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) (0x80 | 96); // marker, VP8
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[8] = 0x12;
        packet[11] = 0x34;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (seq + i);
        }
        return packet;
    }

    @Test
    void findsRecentPacketsBySequenceNumberUntilTheirSlotIsReused() {
        RetransmissionBuffer buffer = new RetransmissionBuffer();
        for (int seq = 65_000; seq < 65_000 + 600; seq++) {
            byte[] packet = rtp(seq & 0xFFFF, 100);
            buffer.store(packet, 0, packet.length, seq & 0xFFFF);
        }
        int newest = (65_000 + 599) & 0xFFFF;
        assertThat(Arrays.copyOf(buffer.find(newest), buffer.length(newest))).isEqualTo(rtp(newest, 100));
        int oldestKept = (65_000 + 600 - RetransmissionBuffer.CAPACITY) & 0xFFFF;
        assertThat(buffer.find(oldestKept)).isNotNull();
        assertThat(buffer.find((oldestKept - 1) & 0xFFFF)).as("overwritten").isNull();
        assertThat(buffer.find(12_345)).as("never stored").isNull();

        byte[] huge = new byte[RetransmissionBuffer.MAX_PACKET + 1];
        buffer.store(huge, 0, huge.length, newest);
        assertThat(buffer.find(newest)).as("too large to keep, and the old copy is gone").isNull();
    }

    @Test
    void rtxPacketCarriesTheOriginalSequenceNumberBeforeThePayload() {
        byte[] original = rtp(4_660, 20);
        byte[] rtx = new byte[64];

        int length = RtxPackets.write(original, original.length, 97, 0x0BADF00D, 7, rtx);

        assertThat(length).isEqualTo(original.length + 2);
        assertThat(RtpHeader.payloadType(rtx, 0)).isEqualTo(97);
        assertThat(rtx[1] & 0x80).as("marker kept").isEqualTo(0x80);
        assertThat(RtpHeader.sequenceNumber(rtx, 0)).isEqualTo(7);
        assertThat(RtpHeader.ssrc(rtx, 0)).isEqualTo(0x0BADF00D);
        assertThat(Arrays.copyOfRange(rtx, 4, 8)).as("timestamp kept").isEqualTo(Arrays.copyOfRange(original, 4, 8));
        assertThat(((rtx[12] & 0xFF) << 8) | (rtx[13] & 0xFF)).as("OSN").isEqualTo(4_660);
        assertThat(Arrays.copyOfRange(rtx, 14, length)).isEqualTo(Arrays.copyOfRange(original, 12, original.length));
        assertThat(RtxPackets.write(new byte[5], 5, 97, 1, 1, rtx)).as("malformed").isEqualTo(-1);
    }
}
