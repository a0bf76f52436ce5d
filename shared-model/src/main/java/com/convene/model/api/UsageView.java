package com.convene.model.api;

import java.time.LocalDate;

/// One `daily_usage_stats` row (seed 000).
///
/// @param date           the UTC day
/// @param metric         `total_meetings`, `total_participants` or `meeting_duration_minutes`
/// @param dimensionKey   `all`, `region`, `device_type` or `user_id`
/// @param dimensionValue e.g. `eu-central-1`, `desktop`, a user id, `guest`, `unknown`
/// @param value          the figure (count, or participant-minutes)
public record UsageView(LocalDate date, String metric, String dimensionKey, String dimensionValue, long value) {}
