package com.convene.backend.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// The sidecar of one spooled per-track WebM file: what start-up needs to store a file a crashed process left
/// behind (docs/decisions/058). Written as JSON next to the file, `<file>.json`, before the file's first byte, and
/// atomically (a temporary file moved into place), so a manifest is either whole or absent. The recording is the
/// spool directory's name.
///
/// @param file          the WebM file's name, in the same directory
/// @param participantId publisher's participant id (`meeting_participants.participant_id`)
/// @param trackId       the track id from the publisher's `a=msid`
/// @param kind          `audio` or `video`
/// @param source        `camera`, `microphone` or `screen`
/// @param segment       segment number of this participant's source, from 1
/// @param codec         `opus` or `vp8`
/// @param startMillis   the first frame on the recording timeline, ms from the recording start
/// @param width         video width in pixels, 0 for audio
/// @param height        video height in pixels, 0 for audio
record TrackManifest(String file, String participantId, String trackId, String kind, String source, int segment,
        String codec, long startMillis, int width, int height) {
    /// Suffix of a manifest's file name after the WebM file's name.
    static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /// Writes the manifest beside `webm` (`<webm>.json`), atomically.
    ///
    /// @throws IOException when it cannot be written
    void writeBeside(Path webm) throws IOException {
        Path target = webm.resolveSibling(webm.getFileName() + SUFFIX);
        Path temporary = webm.resolveSibling(webm.getFileName() + SUFFIX + ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /// Reads a manifest written by [#writeBeside].
    ///
    /// @throws IOException when it cannot be read or parsed
    static TrackManifest read(Path manifest) throws IOException {
        return JSON.readValue(manifest.toFile(), TrackManifest.class);
    }
}
