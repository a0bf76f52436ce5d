package com.convene.model.api;

import java.util.UUID;

/// One per-track WebM file of a recording: a segment of one participant's camera, microphone or screen.
///
/// @param id            file id, used in the download path
/// @param participantId the publisher (`meeting_participants.participant_id`)
/// @param kind          `audio` or `video`
/// @param source        `camera`, `microphone` or `screen`
/// @param segment       segment number of this participant's source, from 1 (a source that stops and starts
///                      again gets a new segment)
/// @param codec         `vp8` or `opus`, in a WebM container
/// @param startOffsetMs first frame, ms after the recording started
/// @param endOffsetMs   end of the last frame, ms after the recording started
/// @param sizeBytes     file size in bytes
/// @param downloadPath  `GET` path of the file, relative to the server root; supports `Range` (RFC 9110 §14)
public record RecordingTrackView(
        UUID id,
        UUID participantId,
        String kind,
        String source,
        int segment,
        String codec,
        long startOffsetMs,
        long endOffsetMs,
        long sizeBytes,
        String downloadPath) {
}
