package com.convene.backend.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.jspecify.annotations.Nullable;

/// Composes a recording's per-track WebM files into one MP4 (H.264 + AAC): every video source (a participant's
/// camera, a screen share) in a tile placed by [CompositionLayout] (grid or active speaker, a screen share always
/// large), and every audio track mixed.
///
/// Each output frame is built at a constant rate by sample-and-hold: every source shows the newest frame at or
/// before that instant and is on screen only while one of its segments covers it (late joiner, camera off, share
/// ended), so sources that start and stop land at their place on the recording timeline (the files' offsets from
/// `recording_tracks`) and the layout follows who is there. Pictures are fitted into their tiles by FFmpeg filter
/// graphs ([TileScaler]). Audio is decoded to 48 kHz mono, placed sample-exactly by each frame's timestamp, and
/// summed (clipped) so lost packets stay silent instead of shifting what follows; each participant's share of the
/// mix drives [ActiveSpeaker]. Decision 056.
///
/// Blocking and CPU-heavy: run it on a background executor. Confined to the calling thread.
final class RecordingComposer {
    private static final int SAMPLE_RATE = 48_000;
    /// Drift from the timestamps, in 48 kHz samples, beyond which audio is re-placed by them (40 ms).
    private static final int RESYNC_SAMPLES = 1_920;
    /// Width of the active speaker's highlight in grid tiles, px.
    private static final int HIGHLIGHT_PX = 4;
    /// Highlight colour, B, G, R (Convene green).
    private static final byte[] HIGHLIGHT = {(byte) 0x6a, (byte) 0xc2, (byte) 0x3d};

    /// One per-track file on the recording timeline.
    ///
    /// @param participantId the publisher
    /// @param source        `camera`, `microphone` or `screen`
    /// @param video         whether it is a video (VP8) file, else audio (Opus)
    /// @param file          the WebM file
    /// @param startMillis   first frame, ms after the recording started
    /// @param endMillis     end of the last frame, ms after the recording started
    record Input(String participantId, String source, boolean video, Path file, long startMillis,
            long endMillis) {
        /// `<participant>/<source>`: the segments of one key share a tile.
        String sourceKey() {
            return participantId + "/" + source;
        }
    }

    /// Output settings.
    ///
    /// @param width          output width in pixels, even, 64–3,840
    /// @param height         output height in pixels, even, 64–2,160
    /// @param frameRate      frames per second, 1–60
    /// @param videoBitrate   H.264 bitrate in bit/s
    /// @param audioBitrate   AAC bitrate in bit/s
    /// @param layout         how tiles are arranged
    record Settings(int width, int height, int frameRate, int videoBitrate, int audioBitrate,
            CompositionLayout layout) {}

    /// What was written.
    ///
    /// @param durationMillis output duration in ms
    /// @param tiles          number of video sources
    /// @param audioTracks    number of audio files mixed
    record Result(long durationMillis, int tiles, int audioTracks) {}

    private RecordingComposer() {
    }

    /// Writes `output` from `inputs`.
    ///
    /// @param inputs         the per-track files
    /// @param durationMillis length of the recording in ms (the output's length)
    /// @param settings       output size, rate, bitrates and layout
    /// @param output         the MP4 file to write
    /// @param progress       receives the fraction done, 0–1, about once a second of output
    /// @throws RecordingException when a file cannot be read or FFmpeg fails
    static Result compose(List<Input> inputs, long durationMillis, Settings settings, Path output,
            DoubleConsumer progress) {
        Map<String, List<Input>> videoSources = new LinkedHashMap<>();
        inputs.stream().filter(Input::video)
                .sorted(Comparator.comparingLong(Input::startMillis).thenComparing(Input::sourceKey))
                .forEach(i -> videoSources.computeIfAbsent(i.sourceKey(), k -> new ArrayList<>()).add(i));
        List<VideoTile> videoTiles = new ArrayList<>();
        for (List<Input> segments : videoSources.values()) {
            videoTiles.add(new VideoTile(segments));
        }
        List<AudioSource> audioSources = inputs.stream().filter(i -> !i.video()).map(AudioSource::new).toList();
        long ticks = Math.max(1, durationMillis * settings.frameRate() / 1000);
        int samplesPerTick = SAMPLE_RATE / settings.frameRate();
        ActiveSpeaker speakers = new ActiveSpeaker(1000.0 / settings.frameRate());
        Frame canvas = new Frame(settings.width(), settings.height(), Frame.DEPTH_UBYTE, 3);
        byte[] row = new byte[canvas.imageStride];

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output.toFile(), settings.width(),
                settings.height(), 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(settings.frameRate());
            recorder.setGopSize(settings.frameRate() * 2);
            recorder.setVideoBitrate(settings.videoBitrate());
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(1);
            recorder.setAudioBitrate(settings.audioBitrate());
            recorder.start();
            int[] mix = new int[samplesPerTick];
            short[] mixed = new short[samplesPerTick];
            Map<String, Double> energy = new HashMap<>();
            for (long tick = 0; tick < ticks; tick++) {
                long atMillis = tick * 1000 / settings.frameRate();
                Arrays.fill(mix, 0);
                energy.clear();
                long firstSample = tick * samplesPerTick;
                for (AudioSource source : audioSources) {
                    double meanSquare = source.mixInto(mix, firstSample);
                    energy.merge(source.input.participantId(), meanSquare, Double::sum);
                }
                for (int i = 0; i < samplesPerTick; i++) {
                    mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i]));
                }
                String speaker = speakers.update(energy);

                clear(canvas, row);
                List<CompositionLayout.Source> visible = new ArrayList<>();
                Map<String, VideoTile> byKey = new HashMap<>();
                for (VideoTile tile : videoTiles) {
                    if (tile.advanceTo(atMillis)) {
                        visible.add(tile.source);
                        byKey.put(tile.source.sourceKey(), tile);
                    }
                }
                List<CompositionLayout.Tile> placed =
                        settings.layout().arrange(visible, speaker, settings.width(), settings.height());
                for (CompositionLayout.Tile place : placed) {
                    VideoTile tile = byKey.get(place.sourceKey());
                    Frame picture = tile.picture();
                    if (picture != null) {
                        blit(tile.scaler.fit(picture, place.width(), place.height()), canvas, place.x(),
                                place.y(), row);
                    }
                    if (placed.size() > 1 && !place.large() && !tile.source.screen()
                            && tile.source.participantId().equals(speaker)) {
                        highlight(canvas, place);
                    }
                }
                recorder.record(canvas, AV_PIX_FMT_BGR24);
                recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(mixed));
                if (tick % settings.frameRate() == 0) {
                    progress.accept(tick / (double) ticks);
                }
            }
            recorder.stop();
            progress.accept(1.0);
            return new Result(ticks * 1000 / settings.frameRate(), videoTiles.size(), audioSources.size());
        } catch (FrameRecorder.Exception | FrameFilter.Exception | FrameGrabber.Exception e) {
            throw new RecordingException("The recording could not be composed.", e);
        } finally {
            videoTiles.forEach(VideoTile::close);
            audioSources.forEach(AudioSource::close);
        }
    }

    private static void clear(Frame canvas, byte[] row) {
        Arrays.fill(row, (byte) 0);
        ByteBuffer pixels = (ByteBuffer) canvas.image[0];
        for (int y = 0; y < canvas.imageHeight; y++) {
            pixels.put(y * canvas.imageStride, row, 0, canvas.imageStride);
        }
    }

    /// Copies `picture` (BGR24) into `canvas` with its top-left corner at `x`, `y`, clipped to the canvas.
    private static void blit(Frame picture, Frame canvas, int x, int y, byte[] row) {
        ByteBuffer from = (ByteBuffer) picture.image[0];
        ByteBuffer to = (ByteBuffer) canvas.image[0];
        int width = Math.min(picture.imageWidth, canvas.imageWidth - x);
        int height = Math.min(picture.imageHeight, canvas.imageHeight - y);
        for (int r = 0; r < height; r++) {
            from.get(r * picture.imageStride, row, 0, width * 3);
            to.put((y + r) * canvas.imageStride + x * 3, row, 0, width * 3);
        }
    }

    /// Draws the active speaker's border inside `place`.
    private static void highlight(Frame canvas, CompositionLayout.Tile place) {
        ByteBuffer to = (ByteBuffer) canvas.image[0];
        for (int y = place.y(); y < place.y() + place.height(); y++) {
            boolean edgeRow = y < place.y() + HIGHLIGHT_PX || y >= place.y() + place.height() - HIGHLIGHT_PX;
            for (int x = place.x(); x < place.x() + place.width(); x++) {
                if (edgeRow || x < place.x() + HIGHLIGHT_PX || x >= place.x() + place.width() - HIGHLIGHT_PX) {
                    to.put(y * canvas.imageStride + x * 3, HIGHLIGHT);
                }
            }
        }
    }

    /// One video source: its segments, decoded at their own size, sampled and held, and its tile's scaler.
    private static final class VideoTile {
        final CompositionLayout.Source source;
        final TileScaler scaler = new TileScaler();
        private final List<Input> segments;
        private int segment = -1;
        private @Nullable FFmpegFrameGrabber grabber;
        private long firstTimestampMicros = Long.MIN_VALUE;
        private @Nullable Frame held;
        private @Nullable Frame next;
        private long nextMillis;

        VideoTile(List<Input> segments) {
            this.segments = segments;
            Input first = segments.getFirst();
            this.source = new CompositionLayout.Source(first.sourceKey(), first.participantId(),
                    "screen".equals(first.source()), first.startMillis());
        }

        /// Moves to `atMillis`; returns whether a segment of this source covers that instant.
        boolean advanceTo(long atMillis) throws FrameGrabber.Exception {
            int covering = -1;
            for (int i = 0; i < segments.size(); i++) {
                Input s = segments.get(i);
                if (atMillis >= s.startMillis() && atMillis < s.endMillis()) {
                    covering = i;
                }
            }
            if (covering < 0) {
                return false;
            }
            if (covering != segment) {
                open(covering);
            }
            while (next != null && nextMillis <= atMillis) {
                held = next;
                advance();
            }
            return true;
        }

        /// The picture held for the current instant, or null before the segment's first frame.
        @Nullable Frame picture() {
            return held;
        }

        private void open(int index) throws FrameGrabber.Exception {
            closeGrabber();
            segment = index;
            grabber = new FFmpegFrameGrabber(segments.get(index).file().toFile());
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            firstTimestampMicros = Long.MIN_VALUE;
            held = null;
            advance();
        }

        private void advance() throws FrameGrabber.Exception {
            Frame frame = grabber == null ? null : grabber.grabImage();
            if (frame == null) {
                next = null;
                return;
            }
            if (firstTimestampMicros == Long.MIN_VALUE) {
                firstTimestampMicros = frame.timestamp;
            }
            nextMillis = segments.get(segment).startMillis() + (frame.timestamp - firstTimestampMicros) / 1000;
            next = frame.clone(); // the grabber reuses its buffers
        }

        private void closeGrabber() {
            if (grabber != null) {
                try {
                    grabber.close();
                } catch (FrameGrabber.Exception e) {
                    // closing a finished reader; nothing to recover
                }
                grabber = null;
            }
        }

        void close() {
            closeGrabber();
            scaler.close();
        }
    }

    /// One audio file, decoded to 48 kHz mono 16-bit and placed on the timeline by its frames' timestamps.
    private static final class AudioSource {
        final Input input;
        private @Nullable FFmpegFrameGrabber grabber;
        private boolean exhausted;
        private long firstTimestampMicros = Long.MIN_VALUE;
        private short[] pending = new short[0];
        private int pendingOffset;
        private long pendingPosition = Long.MIN_VALUE; // timeline sample index of pending[pendingOffset]

        AudioSource(Input input) {
            this.input = input;
        }

        /// Adds this source's samples for timeline samples `[first, first + mix.length)`.
        ///
        /// @return the mean square of the samples added (16-bit scale), 0 when silent or absent
        double mixInto(int[] mix, long first) throws FrameGrabber.Exception {
            long last = first + mix.length;
            if (exhausted || last <= input.startMillis() * SAMPLE_RATE / 1000) {
                return 0;
            }
            double sumOfSquares = 0;
            while (true) {
                while (pendingOffset < pending.length) {
                    long position = pendingPosition;
                    if (position >= last) {
                        return sumOfSquares / mix.length;
                    }
                    if (position >= first) {
                        short sample = pending[pendingOffset];
                        mix[(int) (position - first)] += sample;
                        sumOfSquares += (double) sample * sample;
                    }
                    pendingOffset++;
                    pendingPosition++;
                }
                if (!decode()) {
                    exhausted = true;
                    close();
                    return sumOfSquares / mix.length;
                }
            }
        }

        private boolean decode() throws FrameGrabber.Exception {
            if (grabber == null) {
                grabber = new FFmpegFrameGrabber(input.file().toFile());
                grabber.setSampleRate(SAMPLE_RATE);
                grabber.setAudioChannels(1);
                grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
                grabber.start();
            }
            Frame frame = grabber.grabSamples();
            if (frame == null || frame.samples == null) {
                return false;
            }
            if (firstTimestampMicros == Long.MIN_VALUE) {
                firstTimestampMicros = frame.timestamp;
            }
            ShortBuffer samples = (ShortBuffer) frame.samples[0];
            long contiguous = pendingPosition; // where the previous frame ended
            pending = new short[samples.remaining()];
            samples.get(pending);
            pendingOffset = 0;
            long stamped = input.startMillis() * SAMPLE_RATE / 1000
                    + (frame.timestamp - firstTimestampMicros) * SAMPLE_RATE / 1_000_000;
            // Millisecond timestamps jitter by a few samples; following them would tear the waveform. Stay
            // contiguous unless the stamp says a real gap (loss, pause) or overlap larger than RESYNC_SAMPLES.
            boolean first = contiguous == Long.MIN_VALUE;
            pendingPosition = first || Math.abs(stamped - contiguous) > RESYNC_SAMPLES ? stamped : contiguous;
            return true;
        }

        void close() {
            if (grabber != null) {
                try {
                    grabber.close();
                } catch (FrameGrabber.Exception e) {
                    // closing a finished reader; nothing to recover
                }
                grabber = null;
            }
        }
    }
}
