package com.convene.backend.ops;

import io.lettuce.core.RedisException;

/// A Redis command refused at once because [RedisBreaker] is open: Redis did not answer the latest commands within
/// their deadline. A [RedisException], so every caller's existing outage handling applies (degrade, or a typed
/// `SERVICE_UNAVAILABLE` error / HTTP 503; docs/decisions/061-redis-outage.md, 088-store-deadlines.md).
public final class RedisUnavailableException extends RedisException {

    private final long retryAfterMillis;

    /// @param retryAfterMillis when the breaker lets the next probe through, ms from now (at most)
    RedisUnavailableException(long retryAfterMillis) {
        super("Redis did not answer recently; command refused (retry in about " + retryAfterMillis + " ms)");
        this.retryAfterMillis = retryAfterMillis;
    }

    /// At most how long until Redis is tried again, ms.
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
