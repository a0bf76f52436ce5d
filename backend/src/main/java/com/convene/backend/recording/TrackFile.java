package com.convene.backend.recording;

import com.convene.sfu.MediaKind;
import java.nio.file.Path;

/// One finished per-track WebM file of a recording: a segment of one published track.
///
/// @param participantId publisher's participant id (`meeting_participants.participant_id`)
/// @param trackId       the track id from the publisher's `a=msid`
/// @param kind          audio (Opus) or video (VP8)
/// @param source        `camera`, `microphone` or `screen`
/// @param segment       segment number of this participant's tracks of this source, from 1
/// @param file          the spooled file
/// @param startMillis   first frame on the recording timeline, ms from the recording start
/// @param endMillis     end of the last frame on the recording timeline, ms
/// @param frames        frames (video) or Opus packets (audio) written
/// @param sizeBytes     file size in bytes
record TrackFile(String participantId, String trackId, MediaKind kind, String source, int segment, Path file,
        long startMillis, long endMillis, long frames, long sizeBytes) {
}
