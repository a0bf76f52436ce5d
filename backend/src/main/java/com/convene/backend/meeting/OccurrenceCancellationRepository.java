package com.convene.backend.meeting;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/// `meeting_occurrence_cancellations` access. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OccurrenceCancellationRepository extends GenericRepository<OccurrenceCancellation, OccurrenceCancellation.Key> {

    /// Records a cancelled occurrence; cancelling it again changes nothing.
    @Query("""
            INSERT INTO meeting_occurrence_cancellations (meeting_id, occurrence_start, cancelled_at, cancelled_by)
            VALUES (:meetingId, :occurrenceStart, :now, :userId)
            ON CONFLICT (meeting_id, occurrence_start) DO NOTHING""")
    void cancel(UUID meetingId, Instant occurrenceStart, Instant now, UUID userId);

    @Query("SELECT occurrence_start FROM meeting_occurrence_cancellations WHERE meeting_id = :meetingId ORDER BY occurrence_start")
    List<Instant> findStarts(UUID meetingId);
}
