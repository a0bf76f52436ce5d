package com.convene.backend.recording;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// `recordings` access. Blocking JDBC: call from a blocking executor or a signaling session's thread.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecordingRepository extends GenericRepository<Recording, UUID> {

    Recording save(Recording recording);

    Optional<Recording> findById(UUID recordingId);

    List<Recording> findByMeetingIdOrderByCreatedAt(UUID meetingId);

    /// Recordings of meetings the user hosts, recorded or joined, newest first.
    ///
    /// @param limit at most this many rows
    @Query("""
            SELECT r.* FROM recordings r JOIN meetings m ON m.meeting_id = r.meeting_id
            WHERE m.host_user_id = :userId OR r.recorded_by_user_id = :userId
               OR EXISTS (SELECT 1 FROM meeting_participants p
                          WHERE p.meeting_id = r.meeting_id AND p.user_id = :userId)
            ORDER BY r.created_at DESC LIMIT :limit""")
    List<Recording> findOfUser(UUID userId, int limit);

    /// Records the outcome of a stopped recording.
    @Query("""
            UPDATE recordings SET processing_status = :status, file_size_bytes = :sizeBytes,
              duration_seconds = :durationSeconds, processing_completed_at = :now, processing_error = :error,
              updated_at = :now
            WHERE recording_id = :recordingId""")
    long finish(UUID recordingId, String status, long sizeBytes, int durationSeconds, @Nullable String error,
                Instant now);

    /// Marks a recording as being composed.
    @Query("""
            UPDATE recordings SET processing_status = 'processing', processing_started_at = :now,
              processing_completed_at = NULL, processing_error = NULL, updated_at = :now
            WHERE recording_id = :recordingId""")
    long startComposition(UUID recordingId, Instant now);

    /// Points the recording at its composed MP4.
    @Query("""
            UPDATE recordings SET processing_status = 'ready', storage_key = :storageKey, file_size_bytes = :sizeBytes,
              processing_completed_at = :now, processing_error = NULL, updated_at = :now
            WHERE recording_id = :recordingId""")
    long completeComposition(UUID recordingId, String storageKey, long sizeBytes, Instant now);

    /// Records a failed composition; the per-track files stay available.
    @Query("""
            UPDATE recordings SET processing_status = 'failed', processing_error = :error,
              processing_completed_at = :now, updated_at = :now
            WHERE recording_id = :recordingId""")
    long failComposition(UUID recordingId, String error, Instant now);

    /// Marks compositions a previous process left running (crash, restart) as failed; they can be retried.
    /// Assumes one backend node: with several, this needs the owning node in the row.
    @Query("""
            UPDATE recordings SET processing_status = 'failed', processing_error = :error, updated_at = :now
            WHERE processing_status = 'processing'""")
    long failInterruptedCompositions(String error, Instant now);

    /// Recordings with the given `processing_status`; `recording` at start-up: those a previous process left
    /// running (docs/decisions/058). Assumes one backend node.
    List<Recording> findByProcessingStatus(String processingStatus);

    /// Records the outcome of a recording salvaged after a crash: `partial` (V42) set, so the user is told that up
    /// to 2 s per track before the crash may be missing.
    ///
    /// @param status `processing` (files to compose) or `ready` (none)
    @Query("""
            UPDATE recordings SET processing_status = :status, partial = TRUE, file_size_bytes = :sizeBytes,
              duration_seconds = :durationSeconds, processing_started_at = :now, processing_completed_at = :now,
              processing_error = NULL, updated_at = :now
            WHERE recording_id = :recordingId AND processing_status = 'recording'""")
    long finishSalvaged(UUID recordingId, String status, long sizeBytes, int durationSeconds, Instant now);

    /// Writes who may see and download a recording (seed 000 `visibility`, `download_enabled`,
    /// `password_protected`, `password_hash`).
    @Query("""
            UPDATE recordings SET visibility = :visibility, download_enabled = :downloadEnabled,
              password_protected = :passwordProtected, password_hash = :passwordHash, updated_at = :now
            WHERE recording_id = :recordingId""")
    long updateAccess(UUID recordingId, String visibility, boolean downloadEnabled, boolean passwordProtected,
            @Nullable String passwordHash, Instant now);

    /// Recordings past their `expires_at`, or of ended meetings created before `meetingCutoff`, that are neither
    /// recording nor composing; see [RecordingRemoval#removeExpired].
    @Query("""
            SELECT r.* FROM recordings r
            WHERE COALESCE(r.processing_status, '') NOT IN ('recording', 'processing')
              AND (r.expires_at < :now OR r.meeting_id IN (
                SELECT m.meeting_id FROM meetings m WHERE m.status = 'ended' AND m.created_at < :meetingCutoff))
            ORDER BY r.expires_at""")
    List<Recording> findExpired(Instant now, Instant meetingCutoff);

    /// Deletes the row; its `recording_tracks` rows cascade (V41). Files are [RecordingRemoval]'s business.
    @Query("DELETE FROM recordings WHERE recording_id = :recordingId")
    long deleteRecording(UUID recordingId);
}
