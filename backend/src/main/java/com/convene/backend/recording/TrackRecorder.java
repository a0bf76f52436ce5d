package com.convene.backend.recording;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.rtp.RtpHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Records one published track into its own WebM file: RTP in, depacketized frames (VP8 per RFC 7741, Opus per
/// RFC 7587) out to a [WebmTrackWriter], stamped on the recording's shared timeline by a [TrackClock].
///
/// The file is created with the first frame that can start it (any Opus packet; a VP8 key frame, whose size
/// the WebM header needs). Video passes an [RtpReorderBuffer] first, so a packet retransmitted after the SFU's
/// NACK still completes its frame. A track whose writer fails stops recording, logs once, and leaves the others alone.
///
/// Before the file's first byte, a [TrackManifest] is written beside it (`<file>.json`), so start-up after a crash
/// knows whose track the file holds (docs/decisions/058).
///
/// Confined to the recording tap's consumer thread.
final class TrackRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(TrackRecorder.class);
    /// Least time between two key-frame requests for one track, in ns.
    private static final long KEY_FRAME_REQUEST_GAP_NANOS = 500_000_000L;

    private final PublishedTrack track;
    private final String source;
    private final int segment;
    private final Path file;
    private final TrackClock clock;
    private final long startNanos;
    private final Runnable keyFrameRequest;
    private final @Nullable Vp8Depacketizer vp8;
    private final @Nullable RtpReorderBuffer reorder;
    private @Nullable WebmTrackWriter writer;
    private boolean failed;
    private long lastKeyFrameRequestNanos = Long.MIN_VALUE;
    private long malformed;

    /// @param track           the track
    /// @param source          `camera`, `microphone` or `screen`
    /// @param segment         segment number, from 1
    /// @param file            the file to create
    /// @param clock           the track's clock (shares the publisher's sender clock)
    /// @param startNanos      the recording's start, [System#nanoTime()]
    /// @param keyFrameRequest asks the publisher for a key frame; must not block
    TrackRecorder(PublishedTrack track, String source, int segment, Path file, TrackClock clock, long startNanos,
            Runnable keyFrameRequest) {
        this.track = track;
        this.source = source;
        this.segment = segment;
        this.file = file;
        this.clock = clock;
        this.startNanos = startNanos;
        this.keyFrameRequest = keyFrameRequest;
        this.vp8 = track.kind() == MediaKind.VIDEO ? new Vp8Depacketizer() : null;
        this.reorder = vp8 == null ? null : new RtpReorderBuffer(this::onOrderedRtp);
    }

    PublishedTrack track() {
        return track;
    }

    /// Packets that could not be parsed (bad RTP header, empty Opus packet, bad VP8 descriptor).
    long malformedPackets() {
        return malformed + (vp8 == null ? 0 : vp8.malformedPackets());
    }

    /// Takes one decrypted RTP packet of the track.
    void onRtp(byte[] packet, int length, long arrivalNanos) {
        if (failed) {
            return;
        }
        if (reorder != null) {
            if (RtpHeader.headerLength(packet, 0, length) < 0) {
                malformed++;
                return;
            }
            reorder.push(packet, length, RtpHeader.sequenceNumber(packet, 0), arrivalNanos);
        } else {
            onOrderedRtp(packet, length, arrivalNanos);
        }
    }

    /// Video packets after the reorder buffer, audio packets as they come.
    private void onOrderedRtp(byte[] packet, int length, long arrivalNanos) {
        if (failed) {
            return;
        }
        int headerLength = RtpHeader.headerLength(packet, 0, length);
        if (headerLength < 0) {
            malformed++;
            return;
        }
        int end = length;
        if ((packet[0] & 0x20) != 0) {
            end -= packet[length - 1] & 0xFF;
        }
        if (end <= headerLength) {
            return; // padding-only packet (bandwidth probing)
        }
        boolean marker = (packet[1] & 0x80) != 0;
        long rtpTimestamp = readU32(packet, 4);
        long extended = clock.onPacket(rtpTimestamp, arrivalNanos);
        try {
            if (vp8 != null) {
                Vp8Depacketizer.Frame frame = vp8.push(packet, headerLength, end - headerLength,
                        RtpHeader.sequenceNumber(packet, 0), rtpTimestamp, marker);
                if (frame != null) {
                    writeVideo(frame, extended); // a frame completes on its own last packet: same timestamp
                } else if (marker && vp8.needsKeyFrame()) { // a frame ended unusable
                    requestKeyFrame(arrivalNanos);
                }
            } else {
                int samples = OpusPackets.samples(packet, headerLength, end - headerLength);
                if (samples == 0) {
                    malformed++;
                    return;
                }
                writeAudio(packet, headerLength, end - headerLength, extended, samples);
            }
        } catch (RecordingException e) {
            fail(e);
        }
    }

    /// Takes a sender report of the track.
    void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        if (!clock.onSenderReport(ntpTimestamp, rtpTimestamp, arrivalNanos) && clock.rejectedReports() == 1) {
            LOG.info("sender reports disagree with the media; track stays on arrival time participantId={} track={}",
                    track.participantId(), track.trackId());
        }
    }

    /// Flushes the file to the OS when its last flush is [WebmTrackWriter#FLUSH_INTERVAL_MILLIS] old and frames
    /// were written since: called for tracks that went quiet while others still deliver packets.
    ///
    /// @param nowNanos the current [System#nanoTime()]
    void flushIfDue(long nowNanos) {
        WebmTrackWriter open = writer;
        if (open != null && !failed) {
            try {
                open.flushIfDue(nowNanos);
            } catch (RecordingException e) {
                fail(e);
            }
        }
    }

    /// Finishes the file; returns it, or null when nothing was written (or writing failed).
    @Nullable TrackFile close() {
        if (reorder != null) {
            reorder.flush();
        }
        WebmTrackWriter open = writer;
        writer = null;
        if (open == null) {
            return null;
        }
        try {
            open.close();
            if (failed || open.frames() == 0) {
                return null;
            }
            return new TrackFile(track.participantId(), track.trackId(), track.kind(), source, segment, file,
                    open.firstMillis(), open.endMillis(), open.frames(), Files.size(file));
        } catch (RecordingException | IOException e) {
            fail(e);
            return null;
        }
    }

    private void writeVideo(Vp8Depacketizer.Frame frame, long extendedTimestamp) {
        if (writer == null) {
            if (!frame.keyFrame()) {
                return;
            }
            writeManifest(millis(extendedTimestamp), frame.width(), frame.height());
            writer = new WebmTrackWriter(file, MediaKind.VIDEO, frame.width(), frame.height());
        }
        writer.write(frame.data(), 0, frame.length(), millis(extendedTimestamp), 0, frame.keyFrame());
    }

    private void writeAudio(byte[] packet, int offset, int length, long extendedTimestamp, int samples) {
        if (writer == null) {
            writeManifest(millis(extendedTimestamp), 0, 0);
            writer = new WebmTrackWriter(file, MediaKind.AUDIO, 0, 0);
        }
        writer.write(packet, offset, length, millis(extendedTimestamp), samples / 48, false);
    }

    private void writeManifest(long startMillis, int width, int height) {
        boolean audio = track.kind() == MediaKind.AUDIO;
        try {
            new TrackManifest(file.getFileName().toString(), track.participantId(), track.trackId(),
                    audio ? "audio" : "video", source, segment, audio ? "opus" : "vp8", startMillis, width, height)
                    .writeBeside(file);
        } catch (IOException e) {
            throw new RecordingException("The track's manifest could not be written.", e);
        }
    }

    private long millis(long extendedTimestamp) {
        return Math.max(0, (clock.localNanos(extendedTimestamp) - startNanos) / 1_000_000L);
    }

    private void requestKeyFrame(long nowNanos) {
        if (lastKeyFrameRequestNanos == Long.MIN_VALUE || nowNanos - lastKeyFrameRequestNanos
                >= KEY_FRAME_REQUEST_GAP_NANOS) {
            lastKeyFrameRequestNanos = nowNanos;
            keyFrameRequest.run();
        }
    }

    private void fail(Exception e) {
        if (!failed) {
            failed = true;
            LOG.warn("recording of a track failed and stopped participantId={} track={} file={}",
                    track.participantId(), track.trackId(), file.getFileName(), e);
        }
    }

    private static long readU32(byte[] buffer, int at) {
        return ((buffer[at] & 0xFFL) << 24) | ((buffer[at + 1] & 0xFFL) << 16) | ((buffer[at + 2] & 0xFFL) << 8)
                | (buffer[at + 3] & 0xFFL);
    }
}
