package com.convene.backend.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// This node's in-memory buckets, used while Redis does not answer (docs/decisions/093-rate-limits.md): the same
/// arithmetic as [TokenBuckets#SCRIPT], so the limits keep holding per node during an outage.
///
/// At most [#MAX_BUCKETS] buckets are kept; beyond that, full ones (those a caller could not tell from a new one)
/// are dropped first, then all. Thread-safe (each bucket is updated under its own lock).
final class LocalTokenBuckets {

    static final int MAX_BUCKETS = 100_000;

    private static final class Bucket {
        double tokens;
        long stampMillis;
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /// Takes `cost` tokens (a negative cost gives tokens back, up to the capacity) at `nowMillis`.
    RateVerdict take(String key, RateLimitConfig.BucketSpec spec, int cost, long nowMillis) {
        if (buckets.size() >= MAX_BUCKETS) {
            prune(nowMillis, spec);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = spec.capacity();
            fresh.stampMillis = nowMillis;
            return fresh;
        });
        synchronized (b) {
            double perMilli = 1.0 / spec.intervalMillis();
            b.tokens = Math.min(spec.capacity(), b.tokens + Math.max(0, nowMillis - b.stampMillis) * perMilli);
            b.stampMillis = Math.max(b.stampMillis, nowMillis);
            if (cost <= 0 || b.tokens >= cost) {
                b.tokens = Math.min(spec.capacity(), b.tokens - cost);
                return RateVerdict.allow(true);
            }
            return RateVerdict.refuse((long) Math.ceil((cost - b.tokens) / perMilli), true);
        }
    }

    private void prune(long nowMillis, RateLimitConfig.BucketSpec spec) {
        buckets.values().removeIf(b -> nowMillis - b.stampMillis > spec.fullAfterMillis());
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
    }
}
