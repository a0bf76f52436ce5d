package com.convene.backend.recording;

import com.convene.backend.storage.ObjectStorage;
import com.convene.sfu.MediaKind;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/// Moves a recording's finished per-track files into object storage and describes each in `recording_tracks`
/// (docs/decisions/050): the same for a recording that stopped and for one salvaged after a crash
/// (docs/decisions/058).
///
/// Blocking (storage, JDBC): call on the recording executor.
@Singleton
class TrackFileStore {
    private final ObjectStorage storage;
    private final RecordingTrackRepository tracks;

    TrackFileStore(ObjectStorage storage, RecordingTrackRepository tracks) {
        this.storage = storage;
        this.tracks = tracks;
    }

    /// The key prefix of a recording's files: `recordings/<meeting>/<recording>/`.
    static String keyPrefix(UUID meetingId, UUID recordingId) {
        return "recordings/" + meetingId + "/" + recordingId + "/";
    }

    /// Stores every file under the recording's key prefix, named as spooled, and saves its row.
    ///
    /// @param names the stored name of each file, in the order of `files` (the spooled file's name)
    /// @return total bytes stored
    /// @throws RuntimeException from storage or JDBC; files stored before the failure stay
    long store(UUID meetingId, UUID recordingId, List<TrackFile> files, List<String> names) {
        long totalBytes = 0;
        for (int i = 0; i < files.size(); i++) {
            TrackFile file = files.get(i);
            String key = keyPrefix(meetingId, recordingId) + names.get(i);
            long size = storage.put(key, file.file());
            totalBytes += size;
            boolean audio = file.kind() == MediaKind.AUDIO;
            tracks.save(new RecordingTrack(UUID.randomUUID(), recordingId, UUID.fromString(file.participantId()),
                    truncate(file.trackId(), 200), audio ? "audio" : "video", file.source(), file.segment(),
                    audio ? "opus" : "vp8", file.startMillis(), Math.max(file.startMillis(), file.endMillis()),
                    file.frames(), size, key, Instant.now()));
        }
        return totalBytes;
    }

    /// Deletes the recording's `recording_tracks` rows (not the stored objects, which a new [#store] replaces
    /// under the same keys): salvage starts again from the spool after a crash during salvage.
    void forget(UUID recordingId) {
        tracks.deleteByRecordingId(recordingId);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
