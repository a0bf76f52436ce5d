package com.convene.backend.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `meeting_occurrence_cancellations`: one cancelled occurrence of a series (an RFC 5545 EXDATE).
///
/// @param id          the series and the occurrence's original start
/// @param cancelledAt when it was cancelled
/// @param cancelledBy who cancelled it
@MappedEntity("meeting_occurrence_cancellations")
record OccurrenceCancellation(@EmbeddedId Key id, Instant cancelledAt, @Nullable UUID cancelledBy) {

    /// Primary key.
    ///
    /// @param meetingId       the series
    /// @param occurrenceStart the occurrence's original start
    @Embeddable
    record Key(UUID meetingId, Instant occurrenceStart) {
    }
}
