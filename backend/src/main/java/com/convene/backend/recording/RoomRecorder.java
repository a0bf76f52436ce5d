package com.convene.backend.recording;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.routing.RtpTap;
import com.convene.sfu.routing.TrackRecorderSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One running recording of a room: the [TrackRecorderSink] the SFU's tap feeds, with one [TrackRecorder] per
/// published track. A track that ends (unpublished, publisher left) closes its file; a track published later
/// (late joiner, screen share, camera back on) starts a new file, the next segment of that participant's source.
///
/// Every method but [#attach] runs on the tap's consumer thread (the recording executor).
final class RoomRecorder implements TrackRecorderSink {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecorder.class);
    /// Time between two sweeps over all tracks for due flushes, in ns.
    private static final long FLUSH_SWEEP_NANOS = 250_000_000L;

    /// What a finished recording produced.
    ///
    /// @param files          the per-track files, in the order they were closed
    /// @param durationMillis wall time from start to stop, in ms
    /// @param droppedPackets packets the tap dropped because the feed was full
    record Result(List<TrackFile> files, long durationMillis, long droppedPackets) {}

    private final UUID recordingId;
    private final Path directory;
    private final long startNanos;
    private final Function<PublishedTrack, String> sourceOf;
    private final Consumer<Result> onFinished;
    private final Map<PublishedTrack, TrackRecorder> recorders = new HashMap<>();
    private final Set<PublishedTrack> ended = new HashSet<>();
    private final Map<String, TrackClock.SenderClock> senderClocks = new HashMap<>();
    private final Map<String, Integer> segments = new HashMap<>();
    private final List<TrackFile> files = new ArrayList<>();
    private volatile @Nullable RtpTap tap;
    private long nextFlushSweepNanos;

    /// @param recordingId the recording
    /// @param directory   spool directory for this recording's files (exists)
    /// @param startNanos  the timeline's zero, [System#nanoTime()]
    /// @param sourceOf    `camera`, `microphone` or `screen` for a track; called on the consumer thread
    /// @param onFinished  called once on the consumer thread after every file is closed
    RoomRecorder(UUID recordingId, Path directory, long startNanos, Function<PublishedTrack, String> sourceOf,
            Consumer<Result> onFinished) {
        this.recordingId = recordingId;
        this.directory = directory;
        this.startNanos = startNanos;
        this.sourceOf = sourceOf;
        this.onFinished = onFinished;
    }

    /// Gives the recorder its tap, for key-frame requests. Thread-safe.
    void attach(RtpTap tap) {
        this.tap = tap;
    }

    @Override
    public void onRtp(PublishedTrack track, byte[] packet, int length, long arrivalNanos) {
        TrackRecorder recorder = recorder(track);
        if (recorder != null) {
            recorder.onRtp(packet, length, arrivalNanos);
        }
        sweepFlushes();
    }

    @Override
    public void onSenderReport(PublishedTrack track, long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        TrackRecorder recorder = recorder(track);
        if (recorder != null) {
            recorder.onSenderReport(ntpTimestamp, rtpTimestamp, arrivalNanos);
        }
        sweepFlushes();
    }

    @Override
    public void onTrackEnded(PublishedTrack track) {
        ended.add(track);
        TrackRecorder recorder = recorders.remove(track);
        if (recorder != null) {
            finish(recorder);
        }
    }

    @Override
    public void onTapClosed(long droppedPackets) {
        long durationMillis = (System.nanoTime() - startNanos) / 1_000_000L;
        for (TrackRecorder recorder : List.copyOf(recorders.values())) {
            finish(recorder);
        }
        recorders.clear();
        if (droppedPackets > 0) {
            LOG.warn("recording feed overflowed recordingId={} droppedPackets={}", recordingId, droppedPackets);
        }
        onFinished.accept(new Result(List.copyOf(files), durationMillis, droppedPackets));
    }

    /// Every [#FLUSH_SWEEP_NANOS], lets every track flush what waited since its last flush: a track that went quiet
    /// (muted, paused) gets no packet to trigger its own flush, so the room's other packets and sender reports do.
    private void sweepFlushes() {
        long now = System.nanoTime();
        if (now - nextFlushSweepNanos < 0) {
            return;
        }
        nextFlushSweepNanos = now + FLUSH_SWEEP_NANOS;
        for (TrackRecorder recorder : recorders.values()) {
            recorder.flushIfDue(now);
        }
    }

    private @Nullable TrackRecorder recorder(PublishedTrack track) {
        TrackRecorder recorder = recorders.get(track);
        if (recorder != null || ended.contains(track)) {
            return recorder;
        }
        String source = sourceOf.apply(track);
        String kind = track.kind() == MediaKind.AUDIO ? "audio" : "video";
        int segment = segments.merge(track.participantId() + "/" + source, 1, Integer::sum);
        Path file = directory.resolve(track.participantId() + "-" + source + "-" + kind + "-" + segment + ".webm");
        TrackClock clock = new TrackClock(track.kind() == MediaKind.AUDIO ? 48_000 : 90_000,
                senderClocks.computeIfAbsent(track.participantId(), id -> new TrackClock.SenderClock()));
        recorder = new TrackRecorder(track, source, segment, file, clock, startNanos, () -> {
            RtpTap current = tap;
            if (current != null) {
                current.requestKeyFrame(track);
            }
        });
        recorders.put(track, recorder);
        LOG.info("recording track recordingId={} participantId={} source={} kind={} segment={}", recordingId,
                track.participantId(), source, kind, segment);
        return recorder;
    }

    private void finish(TrackRecorder recorder) {
        TrackFile file = recorder.close();
        if (file != null) {
            files.add(file);
        }
        if (recorder.malformedPackets() > 0) {
            LOG.warn("recording skipped malformed packets recordingId={} participantId={} count={}", recordingId,
                    recorder.track().participantId(), recorder.malformedPackets());
        }
    }
}
