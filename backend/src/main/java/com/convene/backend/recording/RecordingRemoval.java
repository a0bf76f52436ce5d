package com.convene.backend.recording;

import com.convene.backend.problem.ProblemType;
import com.convene.backend.storage.ObjectStorage;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Removes recordings for good: every stored file (the per-track WebM files and the composed MP4), then the
/// `recordings` row, whose `recording_tracks` rows cascade. Used by `DELETE /api/v1/recordings/{id}` and by the
/// retention job for expired recordings.
///
/// Files go first: if one cannot be deleted the rows stay, so the removal can simply be repeated (deleting an absent
/// object is a no-op in both providers); the reverse order would leave files no row points to. A recording whose
/// row names another provider or bucket than the configured [ObjectStorage] is refused, because its files could not
/// be reached.
///
/// Thread-safe; blocking (storage and JDBC).
@Singleton
public class RecordingRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRemoval.class);

    private final RecordingRepository recordings;
    private final RecordingTrackRepository tracks;
    private final ObjectStorage storage;

    RecordingRemoval(RecordingRepository recordings, RecordingTrackRepository tracks, ObjectStorage storage) {
        this.recordings = recordings;
        this.tracks = tracks;
        this.storage = storage;
    }

    /// Deletes a recording's files and rows. The caller has checked that it is neither recording nor composing.
    ///
    /// @throws RecordingException `conflict` when its files are in storage this server is not configured for;
    ///                            `internal` (a [com.convene.backend.storage.StorageException]) when a file cannot
    ///                            be deleted, the rows then stay
    void remove(Recording row) {
        if (!row.storageProvider().equals(storage.provider()) || !row.storageBucket().equals(storage.bucket())) {
            throw new RecordingException(ProblemType.CONFLICT,
                    "This recording is kept in storage this server is not configured for.");
        }
        List<RecordingTrack> files = tracks.findByRecordingIdOrderByStartOffsetMs(row.recordingId());
        for (RecordingTrack file : files) {
            storage.delete(file.storageKey());
        }
        if (row.storageKey().endsWith(RecordingService.COMPOSED_FILE)) {
            storage.delete(row.storageKey());
        }
        recordings.deleteRecording(row.recordingId());
        LOG.info("recording removed recordingId={} meetingId={} files={}", row.recordingId(), row.meetingId(),
                files.size() + (row.storageKey().endsWith(RecordingService.COMPOSED_FILE) ? 1 : 0));
    }

    /// Removes every recording whose `expires_at` is before `now`, and every recording of an ended meeting created
    /// before `endedMeetingCutoff` (the meetings seed 000's retention is about to delete), except those still
    /// recording or composing. A recording that cannot be removed is logged and left for the next run.
    ///
    /// @param now                the retention job's clock
    /// @param endedMeetingCutoff now − 7 years (seed 000)
    /// @return the ids removed and the number left
    public Outcome removeExpired(Instant now, Instant endedMeetingCutoff) {
        List<UUID> removed = new java.util.ArrayList<>();
        int kept = 0;
        for (Recording row : recordings.findExpired(now, endedMeetingCutoff)) {
            try {
                remove(row);
                removed.add(row.recordingId());
            } catch (RuntimeException e) {
                kept++;
                LOG.warn("expired recording not removed recordingId={} provider={} bucket={}", row.recordingId(),
                        row.storageProvider(), row.storageBucket(), e);
            }
        }
        return new Outcome(List.copyOf(removed), kept);
    }

    /// What [#removeExpired] did.
    ///
    /// @param removed ids of the recordings removed with their files
    /// @param kept    expired recordings that could not be removed (logged at WARN)
    public record Outcome(List<UUID> removed, int kept) {
    }
}
