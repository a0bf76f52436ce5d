package com.convene.model.api;

import java.time.Instant;

/// One occurrence of a recurring meeting (or the single occurrence of a one-off meeting).
///
/// @param start  start instant (UTC), computed in the meeting's time zone so wall-clock time stays fixed across
///               daylight-saving changes
/// @param end    end instant, `start` plus the series' duration, or `null` when the meeting has no end
/// @param status `scheduled` or `cancelled`
public record OccurrenceView(Instant start, Instant end, String status) {
}
