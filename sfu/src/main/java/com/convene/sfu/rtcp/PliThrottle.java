package com.convene.sfu.rtcp;

/// Lets at most one PLI per interval through for one media source, so N subscribers asking for a key frame cost the
/// publisher one key frame. Confined to the socket event loop.
public final class PliThrottle {
    private final long intervalNanos;
    private long lastSentNanos;
    private boolean sentOnce;

    /// Creates a throttle.
    ///
    /// @param intervalNanos minimum gap between two PLIs in ns, 0 or more
    public PliThrottle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /// Whether a PLI may be sent now; records it when so.
    ///
    /// @param nowNanos monotonic time in ns
    public boolean tryAcquire(long nowNanos) {
        if (sentOnce && nowNanos - lastSentNanos < intervalNanos) {
            return false;
        }
        sentOnce = true;
        lastSentNanos = nowNanos;
        return true;
    }
}
