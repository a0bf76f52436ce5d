package com.convene.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceGapsTest {

    @Test
    void countsNothingForConsecutivePackets() {
        SequenceGaps gaps = new SequenceGaps();
        for (int seq = 100; seq < 200; seq++) {
            assertThat(gaps.record(seq)).isZero();
        }
    }

    @Test
    void countsSkippedPacketsAcrossTheWrap() {
        SequenceGaps gaps = new SequenceGaps();
        assertThat(gaps.record(65_533)).isZero();
        assertThat(gaps.record(65_535)).isEqualTo(1);
        assertThat(gaps.record(3)).isEqualTo(3);
    }

    @Test
    void ignoresDuplicatesAndLatePackets() {
        SequenceGaps gaps = new SequenceGaps();
        gaps.record(10);
        assertThat(gaps.record(13)).isEqualTo(2);
        assertThat(gaps.record(11)).isZero();
        assertThat(gaps.record(13)).isZero();
        assertThat(gaps.record(14)).isZero();
    }
}
