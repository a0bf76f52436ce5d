package com.convene.backend.recording;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// `recording_tracks` access. Blocking JDBC.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecordingTrackRepository extends GenericRepository<RecordingTrack, UUID> {

    RecordingTrack save(RecordingTrack track);

    Optional<RecordingTrack> findById(UUID recordingTrackId);

    List<RecordingTrack> findByRecordingIdOrderByStartOffsetMs(UUID recordingId);

    /// Deletes a recording's file rows; returns how many.
    long deleteByRecordingId(UUID recordingId);
}
