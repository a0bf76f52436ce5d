package com.convene.backend.analytics;

/// Where the signaling layer hands analytics rows. Implementations must return at once and never throw: a call
/// must not wait for, or fail because of, analytics.
public interface MeetingEventSink {

    /// Accepts a meeting event for writing; returns `false` when it was dropped (buffer full or analytics off).
    boolean record(MeetingEvent event);

    /// Accepts a call-quality sample for writing; returns `false` when it was dropped.
    boolean record(QualitySample sample);
}
