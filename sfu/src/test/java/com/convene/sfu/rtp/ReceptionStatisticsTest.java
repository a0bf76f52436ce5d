package com.convene.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.rtcp.RtcpPackets;
import org.junit.jupiter.api.Test;

/// Receiver-report figures per RFC 3550 Appendix A.3 and A.8.
class ReceptionStatisticsTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsLossAcrossTheWrapAndReportsTheFractionOfEachInterval() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000);
        long arrival = 0;
        for (int i = 0; i < 100; i++) {
            int seq = (65_500 + i) & 0xFFFF;
            if (i % 10 != 5) { // lose one in ten
                stats.onPacket(seq, 3_000L * i, arrival);
            }
            arrival += 33 * MS;
        }
        byte[] block = new byte[24];
        assertThat(stats.writeReportBlock(block, 0, 0xCAFEBABE, arrival)).isEqualTo(24);

        assertThat(RtcpPackets.readI32(block, 0)).isEqualTo(0xCAFEBABE);
        assertThat(block[4] & 0xFF).as("fraction lost, /256").isEqualTo(10 * 256 / 100);
        assertThat(RtcpPackets.readI32(block, 4) & 0xFF_FFFF).as("cumulative lost").isEqualTo(10);
        assertThat(RtcpPackets.readI32(block, 8)).as("extended highest sequence number")
                .isEqualTo(0x1_0000 + ((65_500 + 99) & 0xFFFF));
        assertThat(RtcpPackets.readI32(block, 16)).as("no sender report yet: LSR 0").isZero();

        // the next interval loses nothing
        for (int i = 100; i < 110; i++) {
            stats.onPacket((65_500 + i) & 0xFFFF, 3_000L * i, arrival);
            arrival += 33 * MS;
        }
        stats.writeReportBlock(block, 0, 1, arrival);
        assertThat(block[4] & 0xFF).isZero();
        assertThat(RtcpPackets.readI32(block, 4) & 0xFF_FFFF).isEqualTo(10);
    }

    @Test
    void echoesTheLastSenderReportWithItsDelay() {
        ReceptionStatistics stats = new ReceptionStatistics(48_000);
        stats.onPacket(1, 960, 0);
        stats.onSenderReport(0x1234_5678L, 1_000 * MS);
        byte[] block = new byte[24];
        stats.writeReportBlock(block, 0, 7, 1_500 * MS);

        assertThat(RtcpPackets.readI32(block, 16)).isEqualTo(0x1234_5678);
        assertThat(RtcpPackets.readI32(block, 20)).as("0.5 s in 1/65536 s").isEqualTo(32_768);
    }

    @Test
    void jitterStaysNearZeroForEvenlyPacedPacketsAndGrowsWithUnevenArrival() {
        ReceptionStatistics even = new ReceptionStatistics(90_000);
        ReceptionStatistics uneven = new ReceptionStatistics(90_000);
        for (int i = 0; i < 200; i++) {
            even.onPacket(i, 3_000L * i, i * 33_333_333L);
            uneven.onPacket(i, 3_000L * i, i * 33_333_333L + (i % 2 == 0 ? 0 : 10 * MS));
        }
        assertThat(even.jitter()).isLessThanOrEqualTo(1);
        assertThat(uneven.jitter()).as("10 ms swings at 90 kHz").isBetween(800L, 1_000L);
        assertThat(even.cumulativeLost()).isZero();
    }
}
