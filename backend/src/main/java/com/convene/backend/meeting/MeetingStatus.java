package com.convene.backend.meeting;

import java.util.Locale;

/// Life-cycle of a meeting, stored in `meetings.status`: `scheduled` → `live` → `ended`, or `cancelled` from
/// `scheduled` or `live`.
public enum MeetingStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    /// The stored and wire form, lower-case.
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Parses the stored form.
    public static MeetingStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
