package com.convene.sfu;

import java.util.EnumMap;
import java.util.Map;

/// A snapshot of the SFU's counters.
///
/// @param drops             datagrams dropped, per reason (every reason present, zero or more)
/// @param packetsReceived   datagrams read from the socket
/// @param packetsForwarded  RTP and RTCP packets sent to subscribers (one count per subscriber copy)
/// @param bytesForwarded    SRTP/SRTCP bytes sent to subscribers
public record SfuStats(Map<DropReason, Long> drops, long packetsReceived, long packetsForwarded,
        long bytesForwarded) {

    /// Copies the map and fills absent reasons with zero.
    public SfuStats {
        EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            all.put(reason, drops.getOrDefault(reason, 0L));
        }
        drops = Map.copyOf(all);
    }

    /// The drop count for one reason.
    ///
    /// @param reason the reason
    /// @return datagrams dropped for it, 0 or more
    public long dropped(DropReason reason) {
        return drops.get(reason);
    }

    /// The sum of all drop counts.
    ///
    /// @return datagrams dropped
    public long totalDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
