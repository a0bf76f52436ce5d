package com.convene.backend.recording;

import com.convene.backend.storage.ObjectStorage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Composes a stored recording into `composed.mp4` (docs/decisions/052, 056) and keeps, in memory, the progress
/// of the compositions running on this node.
///
/// [#run] is blocking (storage, FFmpeg, JDBC): call it on the recording executor. The rest is thread-safe.
@Singleton
class CompositionJob {
    private static final Logger LOG = LoggerFactory.getLogger(CompositionJob.class);

    private final RecordingConfig config;
    private final RecordingRepository recordings;
    private final RecordingTrackRepository tracks;
    private final ObjectStorage storage;
    /// Composition progress, 0–1, of recordings claimed on this node.
    private final ConcurrentHashMap<UUID, Double> progress = new ConcurrentHashMap<>();

    CompositionJob(RecordingConfig config, RecordingRepository recordings, RecordingTrackRepository tracks,
            ObjectStorage storage) {
        this.config = config;
        this.recordings = recordings;
        this.tracks = tracks;
        this.storage = storage;
    }

    /// Claims the recording for a composition (progress 0) unless one is claimed already.
    ///
    /// @return whether this call claimed it
    boolean claim(UUID recordingId) {
        return progress.putIfAbsent(recordingId, 0.0) == null;
    }

    /// Gives up a claim that will not be [#run].
    void release(UUID recordingId) {
        progress.remove(recordingId);
    }

    /// Whether a composition of the recording is claimed or running on this node.
    boolean isClaimed(UUID recordingId) {
        return progress.containsKey(recordingId);
    }

    /// Progress of a claimed composition, 0–1, or `null` when none is claimed.
    @Nullable Double progress(UUID recordingId) {
        return progress.get(recordingId);
    }

    /// Builds the MP4 from the stored per-track files and stores it; the row becomes `ready`, or `failed` with
    /// a `processing_error` that says it can be retried. Releases the claim when done.
    void run(UUID recordingId) {
        progress.putIfAbsent(recordingId, 0.0);
        Path work = Path.of(config.spoolDirectory()).resolve(recordingId + "-compose");
        try {
            Recording row = recordings.findById(recordingId).orElseThrow();
            List<RecordingTrack> files = tracks.findByRecordingIdOrderByStartOffsetMs(recordingId);
            Files.createDirectories(work);
            List<RecordingComposer.Input> inputs = new ArrayList<>();
            long durationMillis = row.durationSeconds() == null ? 0 : row.durationSeconds() * 1000L;
            for (RecordingTrack file : files) {
                Path local = work.resolve(file.recordingTrackId() + ".webm");
                try (var in = storage.open(file.storageKey(), 0, storage.size(file.storageKey()))) {
                    Files.copy(in, local);
                }
                inputs.add(new RecordingComposer.Input(file.participantId().toString(), file.source(),
                        "video".equals(file.kind()), local, file.startOffsetMs(), file.endOffsetMs()));
                durationMillis = Math.max(durationMillis, file.endOffsetMs());
            }
            Path output = work.resolve(RecordingService.COMPOSED_FILE);
            long started = System.nanoTime();
            RecordingComposer.Result result = RecordingComposer.compose(inputs, durationMillis,
                    new RecordingComposer.Settings(config.compositionWidth(), config.compositionHeight(),
                            config.compositionFrameRate(), 1_500_000, 96_000,
                            CompositionLayout.parse(config.compositionLayout())),
                    output, fraction -> progress.put(recordingId, fraction));
            String key = TrackFileStore.keyPrefix(row.meetingId(), recordingId) + RecordingService.COMPOSED_FILE;
            long size = storage.put(key, output);
            recordings.completeComposition(recordingId, key, size, Instant.now());
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("recording composed recordingId={} tiles={} audioTracks={} durationMillis={} bytes={} "
                    + "speed={} s of meeting per s", recordingId, result.tiles(), result.audioTracks(),
                    result.durationMillis(), size, String.format(Locale.ROOT, "%.2f",
                            result.durationMillis() / 1000.0 / Math.max(seconds, 1e-3)));
        } catch (IOException | RuntimeException e) {
            LOG.error("recording composition failed recordingId={}", recordingId, e);
            try {
                recordings.failComposition(recordingId, "The recording could not be composed; it can be retried.",
                        Instant.now());
            } catch (RuntimeException again) {
                LOG.error("composition failure not recorded recordingId={}", recordingId, again);
            }
        } finally {
            progress.remove(recordingId);
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("composition work directory not removed directory={}", root, e);
        }
    }
}
