package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/// Drop counts by [DropReason]: one for the whole media path and one per stage (STYLE.md §4: every stage counts
/// its drops by reason). Written on the socket loop, read from any thread.
final class DropCounters {
    private final AtomicLongArray counts = new AtomicLongArray(DropReason.values().length);

    /// Counts one drop.
    void count(DropReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    /// The count for one reason.
    long get(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    /// A snapshot with only the reasons counted at least once.
    Map<DropReason, Long> nonZero() {
        EnumMap<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            long value = counts.get(reason.ordinal());
            if (value > 0) {
                snapshot.put(reason, value);
            }
        }
        return snapshot;
    }
}
