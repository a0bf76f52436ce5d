package com.convene.backend.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/// The last `capacity` message ids delivered in one meeting on this node, so an entry published twice (a retry
/// after a reply timeout, or a row published again after its mark was lost) reaches the sockets once.
/// Not thread-safe: confined to the [ChatStreamReader] thread.
final class DeliveredIds {

    private final Map<UUID, Boolean> ids;

    /// @param capacity ids remembered, oldest forgotten first, 1–1,000,000
    DeliveredIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /// Records `messageId`; true the first time, false when it was delivered already.
    boolean firstTime(UUID messageId) {
        return ids.putIfAbsent(messageId, Boolean.TRUE) == null;
    }
}
