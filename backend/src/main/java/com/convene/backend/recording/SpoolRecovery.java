package com.convene.backend.recording;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Salvages, at start-up, the recordings a previous process left running (killed, crashed): every per-track file
/// in the recording's spool directory that has a [TrackManifest] is finalised by [WebmSalvage], stored like a
/// stopped recording's files ([TrackFileStore]), and the row becomes `processing` (to be composed) or `ready` (no
/// files) with `partial` set. Everything else in the spool (directories of recordings that are not running, a
/// crashed composition's work directory) is removed. docs/decisions/058.
///
/// [#plan] is cheap and runs on the start-up thread, before any recording can start; [#salvage] does the file work
/// and runs on the recording executor.
@Singleton
class SpoolRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecovery.class);
    /// Names this service gives spool entries: a recording's directory, a composition's work directory.
    private static final Pattern OURS = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-compose)?");
    /// Name suffix of a finalised file, beside the spooled one.
    private static final String SALVAGED = ".salvaged";

    /// What start-up found: the interrupted recordings, and the spool entries to remove afterwards.
    ///
    /// @param interrupted rows still `recording`
    /// @param leftovers   spool entries named as ours, including the interrupted recordings' directories
    record Plan(List<Recording> interrupted, List<Path> leftovers) {}

    /// What one recording's salvage gave.
    ///
    /// @param recordingId the recording
    /// @param files       files stored
    /// @param compose     whether it now waits to be composed (`processing`)
    record Outcome(UUID recordingId, int files, boolean compose) {}

    private final RecordingConfig config;
    private final RecordingRepository recordings;
    private final TrackFileStore store;

    SpoolRecovery(RecordingConfig config, RecordingRepository recordings, TrackFileStore store) {
        this.config = config;
        this.recordings = recordings;
        this.store = store;
    }

    /// Finds the interrupted recordings and lists the spool. Call before any recording starts.
    ///
    /// @throws IOException when the spool cannot be listed
    Plan plan() throws IOException {
        List<Recording> interrupted = recordings.findByProcessingStatus("recording");
        Path spool = Path.of(config.spoolDirectory());
        List<Path> leftovers = new ArrayList<>();
        if (Files.isDirectory(spool)) {
            try (Stream<Path> entries = Files.list(spool)) {
                entries.filter(p -> OURS.matcher(p.getFileName().toString()).matches()).forEach(leftovers::add);
            }
        }
        return new Plan(interrupted, leftovers);
    }

    /// Salvages every interrupted recording of `plan`, then removes the plan's leftovers. A recording whose
    /// salvage fails is marked `failed` and the others go on.
    ///
    /// @return one outcome per recording salvaged
    List<Outcome> salvage(Plan plan) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Recording row : plan.interrupted()) {
            try {
                outcomes.add(salvage(row));
            } catch (IOException | RuntimeException e) {
                LOG.error("interrupted recording could not be salvaged recordingId={}", row.recordingId(), e);
                recordings.finish(row.recordingId(), "failed", 0, 0,
                        "The server stopped while recording and the files could not be recovered.", Instant.now());
            }
        }
        for (Path leftover : plan.leftovers()) {
            deleteTree(leftover);
        }
        return outcomes;
    }

    private Outcome salvage(Recording row) throws IOException {
        UUID recordingId = row.recordingId();
        Path directory = Path.of(config.spoolDirectory()).resolve(recordingId.toString());
        List<TrackFile> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int skipped = 0;
        for (Path manifestFile : manifests(directory)) {
            TrackManifest manifest = TrackManifest.read(manifestFile);
            if (!manifestFile.getFileName().toString().equals(manifest.file() + TrackManifest.SUFFIX)) {
                LOG.warn("recording manifest names another file; skipped manifest={}", manifestFile);
                skipped++;
                continue;
            }
            Path spooled = directory.resolve(manifest.file());
            Path out = directory.resolve(manifest.file() + SALVAGED);
            TrackFile file = Files.isRegularFile(spooled) ? WebmSalvage.finalise(spooled, manifest, out) : null;
            if (file == null) {
                skipped++;
                continue;
            }
            files.add(file);
            names.add(manifest.file());
        }
        store.forget(recordingId);
        long bytes = store.store(row.meetingId(), recordingId, files, names);
        long endMillis = files.stream().mapToLong(TrackFile::endMillis).max().orElse(0);
        boolean compose = !files.isEmpty();
        recordings.finishSalvaged(recordingId, compose ? "processing" : "ready", bytes,
                (int) Math.round(endMillis / 1000.0), Instant.now());
        LOG.warn("recording interrupted by a restart salvaged as partial recordingId={} files={} emptyFiles={} "
                + "bytes={} durationMillis={}", recordingId, files.size(), skipped, bytes, endMillis);
        return new Outcome(recordingId, files.size(), compose);
    }

    private static List<Path> manifests(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".webm" + TrackManifest.SUFFIX))
                    .sorted().toList();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("recording spool entry not removed path={}", root, e);
        }
    }
}
