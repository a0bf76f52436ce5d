package com.convene.backend.analytics;

/// One row the [AnalyticsWriter] buffers and writes to Cassandra.
sealed interface AnalyticsRow permits MeetingEvent, QualitySample {
}
