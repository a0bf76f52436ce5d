package com.convene.backend.outbox;

/// Applies one [DeferredWrite] to PostgreSQL, synchronously, on the outbox's own thread. Implemented by the feature
/// that owns the tables (`meeting.MeetingWrites`).
public interface DeferredWriteApplier {

    /// Applies `write`; a no-op when it was applied before.
    ///
    /// @throws RuntimeException when PostgreSQL did not take it; [OutboxFailures] decides whether to retry
    void apply(DeferredWrite write);
}
