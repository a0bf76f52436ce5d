package com.convene.backend.meeting;

import java.util.Locale;
import java.util.Optional;

/// Kind of meeting, stored in `meetings.meeting_type`.
public enum MeetingType {
    /// Started now, no schedule.
    INSTANT,
    /// Has a scheduled start.
    SCHEDULED,
    /// Repeats; the recurrence rule is not modelled yet.
    RECURRING;

    /// The stored and wire form, lower-case.
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Parses the wire form, or empty for an unknown value.
    static Optional<MeetingType> parse(String value) {
        for (MeetingType type : values()) {
            if (type.wireName().equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
