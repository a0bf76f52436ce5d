package com.convene.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// The limit on log lines about malformed input: `linesPerWindow` lines per window, then silence, and the first
/// line of the next window carries the number suppressed. Times are given, not measured.
class LogLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void allowsTheLimitPerWindowThenReportsWhatItSuppressed() {
        LogLimiter limiter = new LogLimiter(1000, 3);

        assertThat(limiter.tryAcquire(0)).isZero();
        assertThat(limiter.tryAcquire(10 * MS)).isZero();
        assertThat(limiter.tryAcquire(20 * MS)).isZero();
        for (int i = 0; i < 500; i++) {
            assertThat(limiter.tryAcquire(30 * MS + i)).isEqualTo(-1);
        }

        assertThat(limiter.tryAcquire(1000 * MS)).isEqualTo(500);
        assertThat(limiter.tryAcquire(1001 * MS)).isZero();
    }
}
