package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Sequence-order release with a bounded wait for missing packets.
class RtpReorderBufferTest {
    private static final long MS = 1_000_000L;

    private final List<Integer> released = new ArrayList<>();
    private final RtpReorderBuffer buffer = new RtpReorderBuffer((packet, length, arrival) ->
            released.add(((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF)));

    private void push(int seq, long arrivalMillis) {
        byte[] packet = new byte[20];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        buffer.push(packet, packet.length, seq, arrivalMillis * MS);
    }

    @Test
    void passesInOrderPacketsStraightThroughAcrossTheWrap() {
        for (int i = 0; i < 5; i++) {
            push((65_533 + i) & 0xFFFF, i);
        }
        assertThat(released).containsExactly(65_533, 65_534, 65_535, 0, 1);
    }

    @Test
    void holdsLaterPacketsUntilARetransmissionFillsTheGap() {
        push(10, 0);
        push(12, 1);
        push(13, 2);
        assertThat(released).containsExactly(10);
        push(11, 40); // the publisher's retransmission, one round trip later
        assertThat(released).containsExactly(10, 11, 12, 13);
        assertThat(buffer.gaveUp()).isZero();
    }

    @Test
    void givesUpOnAMissingPacketAfterTheWaitAndDropsItIfItComesLater() {
        push(10, 0);
        push(12, 1);
        push(13, 200);
        assertThat(released).containsExactly(10);
        push(14, 252); // more than 250 ms after the wait began
        assertThat(released).containsExactly(10, 12, 13, 14);
        assertThat(buffer.gaveUp()).isEqualTo(1);
        push(11, 300);
        assertThat(released).containsExactly(10, 12, 13, 14);
        assertThat(buffer.lateDropped()).isEqualTo(1);
    }

    @Test
    void ignoresDuplicatesAndFlushesWhatIsHeld() {
        push(1, 0);
        push(3, 1);
        push(3, 2);
        push(5, 3);
        assertThat(buffer.lateDropped()).isEqualTo(1);
        buffer.flush();
        assertThat(released).containsExactly(1, 3, 5);
        assertThat(buffer.gaveUp()).isEqualTo(2);
    }

    @Test
    void aJumpBeyondTheBufferReleasesWhatIsHeldAndStartsOver() {
        push(100, 0);
        push(102, 1);
        push(100 + RtpReorderBuffer.CAPACITY + 50, 2);
        assertThat(released).containsExactly(100, 102, 100 + RtpReorderBuffer.CAPACITY + 50);
    }
}
