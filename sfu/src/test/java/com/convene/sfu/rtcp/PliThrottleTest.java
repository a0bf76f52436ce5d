package com.convene.sfu.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PliThrottleTest {

    @Test
    void letsOnePliThroughPerInterval() {
        PliThrottle throttle = new PliThrottle(500_000_000L);

        assertThat(throttle.tryAcquire(1_000)).isTrue();
        assertThat(throttle.tryAcquire(1_000 + 499_000_000L)).isFalse();
        assertThat(throttle.tryAcquire(1_000 + 500_000_000L)).isTrue();
    }

    @Test
    void writesPliOfTwelveBytes() {
        byte[] buffer = new byte[12];
        assertThat(RtcpPackets.writePli(buffer, 0, 1, 0xCAFEBABE)).isEqualTo(12);

        assertThat(RtcpPackets.isValidCompound(buffer, 0, 12)).isTrue();
        assertThat(RtcpPackets.packetType(buffer, 0)).isEqualTo(RtcpPackets.PSFB);
        assertThat(RtcpPackets.format(buffer, 0)).isEqualTo(RtcpPackets.FMT_PLI);
        assertThat(RtcpPackets.mediaSsrc(buffer, 0)).isEqualTo(0xCAFEBABE);
    }
}
