package com.convene.sfu.dtls;

import java.util.concurrent.atomic.AtomicLong;

/// Rate limit for log lines about malformed or hostile input (STYLE.md §7: warnings about the media path are
/// rate-limited): at most `linesPerWindow` lines per window, then silence until the next window, whose first line
/// says how many were suppressed. Shared by every session so a flood across many transports stays bounded too.
///
/// Thread-safe and lock-free. Callers must still keep attacker bytes out of the line (no hex dumps, no payload
/// text): this class only bounds how many lines there are.
final class LogLimiter {
    private final long windowNanos;
    private final int linesPerWindow;
    private final AtomicLong windowStart = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong linesInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    /// @param windowMillis   window length, ms (> 0)
    /// @param linesPerWindow lines allowed per window (> 0)
    LogLimiter(long windowMillis, int linesPerWindow) {
        this.windowNanos = windowMillis * 1_000_000L;
        this.linesPerWindow = linesPerWindow;
    }

    /// Asks to log one line at `nowNanos` ([System#nanoTime()]).
    ///
    /// @return -1 when the line must be dropped, else the number of lines suppressed since the last one logged
    long tryAcquire(long nowNanos) {
        long start = windowStart.get();
        if (start == Long.MIN_VALUE || nowNanos - start >= windowNanos) {
            if (windowStart.compareAndSet(start, nowNanos)) {
                linesInWindow.set(0);
            }
        }
        if (linesInWindow.incrementAndGet() > linesPerWindow) {
            suppressed.incrementAndGet();
            return -1;
        }
        return suppressed.getAndSet(0);
    }
}
