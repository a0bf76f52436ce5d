package com.convene.backend.recording;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `recording_tracks` (V41): one stored WebM file holding one segment of one published track.
///
/// @param kind          `audio` or `video`
/// @param source        `camera`, `microphone` or `screen`
/// @param segment       segment number of this participant's source, from 1
/// @param codec         `vp8` or `opus`
/// @param startOffsetMs first frame, ms after the recording started
/// @param endOffsetMs   end of the last frame, ms after the recording started
@MappedEntity("recording_tracks")
record RecordingTrack(
        @Id UUID recordingTrackId,
        UUID recordingId,
        UUID participantId,
        String trackId,
        String kind,
        String source,
        int segment,
        String codec,
        long startOffsetMs,
        long endOffsetMs,
        long frameCount,
        long fileSizeBytes,
        String storageKey,
        Instant createdAt) {
}
