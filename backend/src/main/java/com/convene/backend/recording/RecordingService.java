package com.convene.backend.recording;

import com.convene.backend.account.Caller;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.storage.ObjectStorage;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingTrackView;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.routing.RtpTap;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts and stops recordings of live rooms, stores their files and keeps the `recordings` rows.
///
/// A recording runs on the recording executor (one platform thread per running recording: FFmpeg's muxer is
/// native code, which would pin a virtual thread's carrier). It ends when stopped, or when the SFU closes the
/// room's tap because the last participant left; either way every file is finished, moved to storage and
/// described in `recording_tracks`, and the row becomes `ready` (or `failed` with `processing_error`).
/// Recordings a killed process left running are salvaged at start-up ([SpoolRecovery], docs/decisions/058): they
/// become `partial` and are composed like any other.
///
/// Thread-safe. Blocking (JDBC, files): call from a blocking executor or a signaling session's thread.
@Singleton
public class RecordingService {
    /// Most recordings [#listMine] returns.
    static final int MINE_LIMIT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingService.class);
    /// Name of the composed MP4 under the recording's key prefix.
    static final String COMPOSED_FILE = "composed.mp4";

    /// A running recording of one meeting; `done` completes once its files are stored.
    private record Active(UUID recordingId, UUID meetingId, SfuRoom room, CompletableFuture<Recording> done) {}

    private final RecordingConfig config;
    private final RecordingRepository recordings;
    private final RecordingTrackRepository tracks;
    private final ObjectStorage storage;
    private final MeetingService meetings;
    private final ParticipantService participants;
    private final RecordingRemoval removal;
    private final RecordingPasswords passwords;
    private final TrackFileStore store;
    private final SpoolRecovery recovery;
    private final CompositionJob composition;
    private final ConcurrentHashMap<UUID, Active> active = new ConcurrentHashMap<>();
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("recording-", 0).daemon(true).factory());

    RecordingService(RecordingConfig config, RecordingRepository recordings, RecordingTrackRepository tracks,
            ObjectStorage storage, MeetingService meetings, ParticipantService participants,
            RecordingRemoval removal, RecordingPasswords passwords, TrackFileStore store, SpoolRecovery recovery,
            CompositionJob composition) {
        this.config = config;
        this.recordings = recordings;
        this.tracks = tracks;
        this.storage = storage;
        this.meetings = meetings;
        this.participants = participants;
        this.removal = removal;
        this.passwords = passwords;
        this.store = store;
        this.recovery = recovery;
        this.composition = composition;
    }

    /// Start-up: [#recoverInterrupted], and FFmpeg's natives loaded in the background.
    @EventListener
    void onStartup(StartupEvent event) {
        recoverInterrupted();
        executor.execute(() -> { // loading FFmpeg's natives takes ~0.5 s: not on the first recording's clock
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("FFmpeg could not be loaded; recordings will fail", e);
            }
        });
    }

    /// Deals with what a previous process left: compositions it was running are marked failed (they can be
    /// retried); recordings it was capturing are salvaged from the spool on the recording executor, marked
    /// `partial` and composed; the rest of the spool is removed ([SpoolRecovery], docs/decisions/058). The spool
    /// is listed here, on the caller's thread, so recordings started afterwards are left alone.
    void recoverInterrupted() {
        long failed = recordings.failInterruptedCompositions("The server stopped while composing; it can be retried.",
                Instant.now());
        if (failed > 0) {
            LOG.warn("compositions interrupted by a restart marked failed count={}", failed);
        }
        SpoolRecovery.Plan plan;
        try {
            plan = recovery.plan();
        } catch (IOException | RuntimeException e) {
            LOG.error("recording spool could not be read; interrupted recordings stay unsalvaged", e);
            return;
        }
        if (plan.interrupted().isEmpty() && plan.leftovers().isEmpty()) {
            return;
        }
        plan.interrupted().forEach(row -> composition.claim(row.recordingId())); // not deletable meanwhile
        executor.execute(() -> {
            List<SpoolRecovery.Outcome> outcomes = recovery.salvage(plan);
            for (Recording row : plan.interrupted()) {
                composition.release(row.recordingId());
            }
            for (SpoolRecovery.Outcome outcome : outcomes) {
                if (outcome.compose() && composition.claim(outcome.recordingId())) {
                    composition.run(outcome.recordingId());
                }
            }
        });
    }

    /// Starts recording a live room.
    ///
    /// @param meetingId the meeting
    /// @param byUserId  who starts it (the host, an admin, or the host for `auto_record`)
    /// @param room      the meeting's SFU room
    /// @param sourceOf  `camera`, `microphone` or `screen` for a track of the room
    /// @return the new recording, status `recording`
    /// @throws RecordingException `recording-disabled` when the meeting's `recording_enabled` is false,
    ///                            `recording-already-running` when it is being recorded
    public RecordingView start(UUID meetingId, UUID byUserId, SfuRoom room,
            Function<PublishedTrack, String> sourceOf) {
        MeetingView meeting = meetings.get(meetingId);
        if (!meeting.recordingEnabled()) {
            throw new RecordingException(ProblemType.RECORDING_DISABLED, "Recording is disabled for this meeting.");
        }
        UUID recordingId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Active entry = new Active(recordingId, meetingId, room, new CompletableFuture<>());
        if (active.putIfAbsent(meetingId, entry) != null) {
            throw new RecordingException(ProblemType.RECORDING_ALREADY_RUNNING, "This meeting is already being recorded.");
        }
        try {
            String title = truncate("Recording of " + meeting.title(), 500);
            Instant expiresAt = config.retention().isZero() ? null : now.plus(config.retention());
            Recording row = recordings.save(new Recording(recordingId, meetingId, byUserId, title, null, null, null,
                    storage.provider(), storage.bucket(), keyPrefix(meetingId, recordingId), storage.region(),
                    "meeting", null, null, "recording", now, null, null, config.defaultVisibility(), true, false,
                    null, now, now, expiresAt, false));
            Path spool = Files.createDirectories(Path.of(config.spoolDirectory()).resolve(recordingId.toString()));
            RoomRecorder recorder = new RoomRecorder(recordingId, spool, System.nanoTime(), sourceOf,
                    result -> finish(entry, spool, result));
            RtpTap tap = room.startTap(recorder, config.tapCapacity(), executor);
            recorder.attach(tap);
            LOG.info("recording started meetingId={} recordingId={} byUserId={}", meetingId, recordingId, byUserId);
            return view(row, List.of(), true);
        } catch (IllegalStateException e) {
            active.remove(meetingId, entry);
            recordings.finish(recordingId, "failed", 0, 0, "Another recording holds the room.", Instant.now());
            throw new RecordingException(ProblemType.RECORDING_ALREADY_RUNNING, "This meeting is already being recorded.");
        } catch (IOException | RuntimeException e) {
            active.remove(meetingId, entry);
            throw e instanceof RecordingException re ? re
                    : new RecordingException("The recording could not be started.", e);
        }
    }

    /// Stops a meeting's recording and waits (up to `stop-timeout`) until its files are stored.
    ///
    /// @return the finished recording
    /// @throws RecordingException `recording-not-running` when the meeting is not being recorded
    public RecordingView stop(UUID meetingId) {
        Active entry = active.get(meetingId);
        if (entry == null) {
            throw new RecordingException(ProblemType.RECORDING_NOT_RUNNING, "This meeting is not being recorded.");
        }
        entry.room().stopTap();
        try {
            Recording done = entry.done().get(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return view(done, tracks.findByRecordingIdOrderByStartOffsetMs(done.recordingId()), true);
        } catch (TimeoutException e) {
            throw new RecordingException("The recording is still being finished; try again shortly.", e);
        } catch (ExecutionException e) {
            throw new RecordingException("The recording could not be finished.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingException("Interrupted while stopping the recording.", e);
        }
    }

    /// The id of the meeting's running recording, if any.
    public Optional<UUID> runningRecording(UUID meetingId) {
        Active entry = active.get(meetingId);
        return entry == null ? Optional.empty() : Optional.of(entry.recordingId());
    }

    /// Completes when the meeting's running recording has been finished and stored (at once when none runs).
    public CompletableFuture<?> whenFinished(UUID meetingId) {
        Active entry = active.get(meetingId);
        return entry == null ? CompletableFuture.completedFuture(null) : entry.done();
    }

    /// The recordings of a meeting the caller may see.
    ///
    /// @throws RecordingException `not-found` when the meeting does not exist
    public List<RecordingView> list(Caller caller, UUID meetingId) {
        MeetingView meeting = meetings.get(meetingId);
        List<RecordingView> out = new ArrayList<>();
        for (Recording row : recordings.findByMeetingIdOrderByCreatedAt(meetingId)) {
            if (maySee(caller, meeting, row)) {
                out.add(view(row, tracks.findByRecordingIdOrderByStartOffsetMs(row.recordingId()),
                        owns(caller, meeting, row)));
            }
        }
        return out;
    }

    /// The recordings of the caller's meetings (hosted, recorded or joined) that the caller may see, newest first,
    /// at most [#MINE_LIMIT]: the desktop app's recordings list.
    public List<RecordingView> listMine(Caller caller) {
        List<RecordingView> out = new ArrayList<>();
        Map<UUID, MeetingView> meetingsById = new HashMap<>();
        for (Recording row : recordings.findOfUser(caller.userId(), MINE_LIMIT)) {
            MeetingView meeting = meetingsById.computeIfAbsent(row.meetingId(), meetings::get);
            if (maySee(caller, meeting, row)) {
                out.add(view(row, tracks.findByRecordingIdOrderByStartOffsetMs(row.recordingId()),
                        owns(caller, meeting, row)));
            }
        }
        return out;
    }

    /// One recording the caller may see.
    ///
    /// @throws RecordingException `not-found` when absent, `forbidden` when the caller may not see it
    public RecordingView get(Caller caller, UUID recordingId) {
        Recording row = requireVisible(caller, recordingId);
        return view(row, tracks.findByRecordingIdOrderByStartOffsetMs(recordingId),
                owns(caller, meetings.get(row.meetingId()), row));
    }

    /// Changes who may see and download a recording; only its meeting's host, whoever recorded it, or an admin may.
    /// Fields left `null` keep their value; an empty `password` removes the protection.
    ///
    /// @throws RecordingException `validation` for an unknown visibility or a password outside 4–128 characters,
    ///                            `not-found`, `forbidden` for anyone else
    public RecordingView update(Caller caller, UUID recordingId, RecordingUpdateRequest request) {
        String visibility = request.visibility();
        if (visibility != null && !List.of("private", "participants", "public").contains(visibility)) {
            throw new RecordingException(ProblemType.VALIDATION, "visibility must be private, participants or public.");
        }
        Recording row = recordings.findById(recordingId).orElseThrow(RecordingService::notFound);
        MeetingView meeting = meetings.get(row.meetingId());
        if (!owns(caller, meeting, row)) {
            throw new RecordingException(ProblemType.FORBIDDEN, "Only the host or an admin may change this recording.");
        }
        boolean protectedNow = row.passwordProtected();
        String hash = row.passwordHash();
        if (request.password() != null) {
            protectedNow = !request.password().isEmpty();
            hash = protectedNow ? passwords.hash(request.password()) : null;
        }
        recordings.updateAccess(recordingId, visibility == null ? row.visibility() : visibility,
                request.downloadEnabled() == null ? row.downloadEnabled() : request.downloadEnabled(),
                protectedNow, hash, Instant.now());
        return get(caller, recordingId);
    }

    /// Deletes a recording: its stored files (per-track and composed) and its rows. The meeting's host or an admin.
    ///
    /// @throws RecordingException `not-found` when absent, `forbidden` for anyone else, `conflict` while it is
    ///                            being recorded or composed (stop it, or wait), or when its files are in storage
    ///                            this server is not configured for
    public void delete(Caller caller, UUID recordingId) {
        Recording row = recordings.findById(recordingId).orElseThrow(RecordingService::notFound);
        MeetingView meeting = meetings.get(row.meetingId());
        if (!caller.isAdmin() && !meeting.hostUserId().equals(caller.userId())) {
            throw new RecordingException(ProblemType.FORBIDDEN, "Only the host or an admin may delete this recording.");
        }
        if ("recording".equals(row.processingStatus()) || composition.isClaimed(recordingId)
                || "processing".equals(row.processingStatus())) {
            throw new RecordingException(ProblemType.CONFLICT, "The recording is still being recorded or composed.");
        }
        removal.remove(row);
    }

    /// A per-track file the caller may download.
    ///
    /// @param password the `X-Recording-Password` header, needed from anyone but the host, the recorder and admins
    ///                 when the recording is password-protected
    /// @return the file's row (its `storageKey` and size)
    /// @throws RecordingException `not-found`, `forbidden` when the caller may not download it,
    ///                            `recording-password-required` or `too-many-requests` as [RecordingPasswords]
    public RecordingTrack requireDownloadable(Caller caller, UUID recordingId, UUID fileId,
            @Nullable String password) {
        Recording row = requireVisible(caller, recordingId);
        RecordingTrack file = tracks.findById(fileId)
                .filter(t -> t.recordingId().equals(recordingId))
                .orElseThrow(RecordingService::notFound);
        requireDownloadAllowed(caller, row, password);
        return file;
    }

    /// Stops every running recording so its files are finished before the process exits.
    @PreDestroy
    void close() {
        for (UUID meetingId : List.copyOf(active.keySet())) {
            try {
                stop(meetingId);
            } catch (RuntimeException e) {
                LOG.warn("recording not finished at shutdown meetingId={}", meetingId, e);
            }
        }
        executor.shutdown();
    }

    private Recording requireVisible(Caller caller, UUID recordingId) {
        Recording row = recordings.findById(recordingId).orElseThrow(RecordingService::notFound);
        MeetingView meeting = meetings.get(row.meetingId());
        if (!maySee(caller, meeting, row)) {
            throw new RecordingException(ProblemType.FORBIDDEN, "You may not access this recording.");
        }
        return row;
    }

    /// Downloads are the owners' always; others' only while `download_enabled`, and with the password when set.
    private void requireDownloadAllowed(Caller caller, Recording row, @Nullable String password) {
        if (owns(caller, meetings.get(row.meetingId()), row)) {
            return;
        }
        if (!row.downloadEnabled()) {
            throw new RecordingException(ProblemType.FORBIDDEN, "Downloads of this recording are switched off.");
        }
        if (row.passwordProtected()) {
            passwords.check(row.recordingId(), row.passwordHash(), caller.userId(), password);
        }
    }

    private boolean maySee(Caller caller, MeetingView meeting, Recording row) {
        return switch (row.visibility()) {
            case "public" -> true;
            case "participants" -> owns(caller, meeting, row)
                    || participants.hasJoined(meeting.id(), caller.userId());
            default -> owns(caller, meeting, row);
        };
    }

    private static boolean owns(Caller caller, MeetingView meeting, Recording row) {
        return caller.isAdmin() || meeting.hostUserId().equals(caller.userId())
                || row.recordedByUserId().equals(caller.userId());
    }

    /// Runs on the recording executor once the tap is drained: stores the files and completes the row.
    private void finish(Active entry, Path spool, RoomRecorder.Result result) {
        UUID recordingId = entry.recordingId();
        long totalBytes = 0;
        String error = null;
        try {
            totalBytes = store.store(entry.meetingId(), recordingId, result.files(),
                    result.files().stream().map(f -> f.file().getFileName().toString()).toList());
        } catch (RuntimeException e) {
            LOG.error("recording files could not be stored recordingId={}", recordingId, e);
            error = "The recording's files could not be stored.";
        }
        boolean compose = error == null && !result.files().isEmpty();
        try {
            int seconds = (int) Math.round(result.durationMillis() / 1000.0);
            recordings.finish(recordingId, error != null ? "failed" : compose ? "processing" : "ready", totalBytes,
                    seconds, error, Instant.now());
            if (compose) {
                composition.claim(recordingId); // visible before the row is read back
            }
            deleteQuietly(spool);
            Recording done = recordings.findById(recordingId).orElseThrow();
            LOG.info("recording finished meetingId={} recordingId={} files={} bytes={} durationMillis={} dropped={}",
                    entry.meetingId(), recordingId, result.files().size(), totalBytes, result.durationMillis(),
                    result.droppedPackets());
            active.remove(entry.meetingId(), entry);
            entry.done().complete(done);
            if (compose) {
                executor.execute(() -> composition.run(recordingId));
            }
        } catch (RuntimeException e) {
            LOG.error("recording could not be completed recordingId={}", recordingId, e);
            active.remove(entry.meetingId(), entry);
            entry.done().completeExceptionally(e);
        }
    }

    /// Composes a recording again, e.g. after a failed composition. Host, recorder or admin.
    ///
    /// @return the recording, now `processing`
    /// @throws RecordingException `conflict` while it is being recorded or composed
    public RecordingView recompose(Caller caller, UUID recordingId) {
        Recording row = recordings.findById(recordingId).orElseThrow(RecordingService::notFound);
        MeetingView meeting = meetings.get(row.meetingId());
        if (!owns(caller, meeting, row)) {
            throw new RecordingException(ProblemType.FORBIDDEN, "Only the host or an admin may compose this recording.");
        }
        if ("recording".equals(row.processingStatus()) || !composition.claim(recordingId)) {
            throw new RecordingException(ProblemType.CONFLICT, "The recording is still being recorded or composed.");
        }
        recordings.startComposition(recordingId, Instant.now());
        executor.execute(() -> composition.run(recordingId));
        return get(caller, recordingId);
    }

    /// The composed MP4's storage key and size, for download.
    ///
    /// @param password as for [#requireDownloadable]
    /// @throws RecordingException `not-found` until a composed file exists, `forbidden`,
    ///                            `recording-password-required` and `too-many-requests` as for files
    public Recording requireComposed(Caller caller, UUID recordingId, @Nullable String password) {
        Recording row = requireVisible(caller, recordingId);
        if (!row.storageKey().endsWith(COMPOSED_FILE)) {
            throw new RecordingException(ProblemType.NOT_FOUND, "The composed recording is not ready yet.");
        }
        requireDownloadAllowed(caller, row, password);
        return row;
    }

    private RecordingView view(Recording row, List<RecordingTrack> files, boolean canManage) {
        List<RecordingTrackView> views = files.stream()
                .map(t -> new RecordingTrackView(t.recordingTrackId(), t.participantId(), t.kind(), t.source(),
                        t.segment(), t.codec(), t.startOffsetMs(), t.endOffsetMs(), t.fileSizeBytes(),
                        "/api/v1/recordings/" + row.recordingId() + "/files/" + t.recordingTrackId()))
                .toList();
        return new RecordingView(row.recordingId(), row.meetingId(), row.recordedByUserId(), row.title(),
                row.processingStatus(), row.visibility(), row.downloadEnabled(), row.passwordProtected(), canManage, row.createdAt(),
                row.durationSeconds(), row.fileSizeBytes(), row.expiresAt(),
                row.processingError(),
                progressPercent(row), row.storageKey().endsWith(COMPOSED_FILE)
                        ? "/api/v1/recordings/" + row.recordingId() + "/download" : null,
                views, row.partial());
    }

    private @Nullable Integer progressPercent(Recording row) {
        if (!"processing".equals(row.processingStatus())) {
            return null;
        }
        Double fraction = composition.progress(row.recordingId());
        return fraction == null ? null : (int) Math.round(fraction * 100);
    }

    private static String keyPrefix(UUID meetingId, UUID recordingId) {
        return TrackFileStore.keyPrefix(meetingId, recordingId);
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var entries = Files.list(directory)) {
            for (Path p : entries.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.warn("recording spool not cleaned directory={}", directory, e);
        }
    }

    private static RecordingException notFound() {
        return new RecordingException(ProblemType.NOT_FOUND, "No such recording.");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
