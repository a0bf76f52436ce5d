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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.jspecify.annotations.Nullable;

/// Composes a recording's per-track WebM files into one MP4 (H.264 + AAC): a grid with one tile per video
/// source (a participant's camera, a screen share), laid out by FFmpeg's `xstack` filter, and every audio track
/// mixed.
///
/// Each output frame is built at a constant rate by sample-and-hold: every tile shows the newest frame of its
/// source at or before that instant, or black while the source has no segment (late joiner, camera off, share
/// ended), so sources that start and stop land at their place on the recording timeline (the files' offsets from
/// `recording_tracks`). Audio is decoded to 48 kHz mono, placed sample-exactly by each frame's timestamp, and
/// summed (clipped) so lost packets stay silent instead of shifting what follows.
///
/// Blocking and CPU-heavy: run it on a background executor. Confined to the calling thread.
final class RecordingComposer {
    private static final int SAMPLE_RATE = 48_000;
    /// Drift from the timestamps, in 48 kHz samples, beyond which audio is re-placed by them (40 ms).
    private static final int RESYNC_SAMPLES = 1_920;

    /// One per-track file on the recording timeline.
    ///
    /// @param sourceKey   groups the segments shown in one tile, e.g. `<participant>/camera`
    /// @param video       whether it is a video (VP8) file, else audio (Opus)
    /// @param file        the WebM file
    /// @param startMillis first frame, ms after the recording started
    /// @param endMillis   end of the last frame, ms after the recording started
    record Input(String sourceKey, boolean video, Path file, long startMillis, long endMillis) {}

    /// Output settings.
    ///
    /// @param width          output width in pixels, even, 64–3,840
    /// @param height         output height in pixels, even, 64–2,160
    /// @param frameRate      frames per second, 1–60
    /// @param videoBitrate   H.264 bitrate in bit/s
    /// @param audioBitrate   AAC bitrate in bit/s
    record Settings(int width, int height, int frameRate, int videoBitrate, int audioBitrate) {}

    /// What was written.
    ///
    /// @param durationMillis output duration in ms
    /// @param tiles          number of video tiles
    /// @param audioTracks    number of audio files mixed
    record Result(long durationMillis, int tiles, int audioTracks) {}

    private RecordingComposer() {
    }

    /// Writes `output` from `inputs`.
    ///
    /// @param inputs         the per-track files
    /// @param durationMillis length of the recording in ms (the output's length)
    /// @param settings       output size, rate and bitrates
    /// @param output         the MP4 file to write
    /// @param progress       receives the fraction done, 0–1, about once a second of output
    /// @throws RecordingException when a file cannot be read or FFmpeg fails
    static Result compose(List<Input> inputs, long durationMillis, Settings settings, Path output,
            DoubleConsumer progress) {
        Map<String, List<Input>> videoSources = new LinkedHashMap<>();
        inputs.stream().filter(Input::video).sorted(Comparator.comparingLong(Input::startMillis))
                .forEach(i -> videoSources.computeIfAbsent(i.sourceKey(), k -> new ArrayList<>()).add(i));
        List<Input> audio = inputs.stream().filter(i -> !i.video()).toList();
        int tiles = Math.max(1, videoSources.size());
        int columns = (int) Math.ceil(Math.sqrt(tiles));
        int rows = (int) Math.ceil(tiles / (double) columns);
        int tileWidth = settings.width() / columns & ~1;
        int tileHeight = settings.height() / rows & ~1;

        List<VideoTile> videoTiles = new ArrayList<>();
        for (List<Input> segments : videoSources.values()) {
            videoTiles.add(new VideoTile(segments, tileWidth, tileHeight));
        }
        List<AudioSource> audioSources = audio.stream().map(AudioSource::new).toList();
        Frame black = blackFrame(tileWidth, tileHeight);
        long ticks = Math.max(1, durationMillis * settings.frameRate() / 1000);
        int samplesPerTick = SAMPLE_RATE / settings.frameRate();

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output.toFile(), settings.width(),
                settings.height(), 1);
                FFmpegFrameFilter grid = videoTiles.size() < 2 ? null
                        : gridFilter(videoTiles.size(), columns, tileWidth, tileHeight, settings)) {
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
            if (grid != null) {
                grid.start();
            }
            int[] mix = new int[samplesPerTick];
            short[] mixed = new short[samplesPerTick];
            for (long tick = 0; tick < ticks; tick++) {
                long atMillis = tick * 1000 / settings.frameRate();
                if (grid == null) {
                    Frame image = videoTiles.isEmpty() ? black : videoTiles.getFirst().frameAt(atMillis, black);
                    recorder.record(image, AV_PIX_FMT_BGR24);
                } else {
                    for (int i = 0; i < videoTiles.size(); i++) {
                        grid.push(i, videoTiles.get(i).frameAt(atMillis, black), AV_PIX_FMT_BGR24);
                    }
                    Frame image;
                    while ((image = grid.pull()) != null) {
                        recorder.record(image, AV_PIX_FMT_BGR24);
                    }
                }
                java.util.Arrays.fill(mix, 0);
                long firstSample = tick * samplesPerTick;
                for (AudioSource source : audioSources) {
                    source.mixInto(mix, firstSample);
                }
                for (int i = 0; i < samplesPerTick; i++) {
                    mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i]));
                }
                recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(mixed));
                if (tick % settings.frameRate() == 0) {
                    progress.accept(tick / (double) ticks);
                }
            }
            if (grid != null) {
                grid.stop();
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

    /// `xstack` with numeric tile positions; cells without a source stay black (`fill`). JavaCV feeds input `i`
    /// as `[i:v]` (after a `setpts=N`, so frames count as constant-rate) and reads the output labelled `[v]`.
    private static FFmpegFrameFilter gridFilter(int inputs, int columns, int tileWidth, int tileHeight,
            Settings settings) {
        StringBuilder graph = new StringBuilder();
        StringBuilder layout = new StringBuilder();
        for (int i = 0; i < inputs; i++) {
            graph.append('[').append(i).append(":v]");
            if (i > 0) {
                layout.append('|');
            }
            layout.append((i % columns) * tileWidth).append('_').append((i / columns) * tileHeight);
        }
        graph.append("xstack=inputs=").append(inputs).append(":layout=").append(layout).append(":fill=black")
                .append(",pad=").append(settings.width()).append(':').append(settings.height())
                .append(":0:0:black,format=bgr24[v]"); // JavaCV names the sink "v" when there are several inputs
        FFmpegFrameFilter filter = new FFmpegFrameFilter(graph.toString(), tileWidth, tileHeight);
        filter.setVideoInputs(inputs);
        filter.setPixelFormat(AV_PIX_FMT_BGR24);
        filter.setFrameRate(settings.frameRate());
        return filter;
    }

    private static Frame blackFrame(int width, int height) {
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        while (pixels.hasRemaining()) {
            pixels.put((byte) 0);
        }
        pixels.rewind();
        return frame;
    }

    /// One tile: the segments of one video source, decoded and scaled to the tile size, sampled and held.
    private static final class VideoTile {
        private final List<Input> segments;
        private final int width;
        private final int height;
        private int segment = -1;
        private @Nullable FFmpegFrameGrabber grabber;
        private long firstTimestampMicros = Long.MIN_VALUE;
        private @Nullable Frame held;
        private @Nullable Frame next;
        private long nextMillis;

        VideoTile(List<Input> segments, int width, int height) {
            this.segments = segments;
            this.width = width;
            this.height = height;
        }

        /// The frame to show at `atMillis`, or `black` when no segment covers it.
        Frame frameAt(long atMillis, Frame black) throws FrameGrabber.Exception {
            int covering = -1;
            for (int i = 0; i < segments.size(); i++) {
                Input s = segments.get(i);
                if (atMillis >= s.startMillis() && atMillis < s.endMillis()) {
                    covering = i;
                }
            }
            if (covering < 0) {
                return black;
            }
            if (covering != segment) {
                open(covering);
            }
            while (next != null && nextMillis <= atMillis) {
                held = next;
                advance();
            }
            return held != null ? held : black;
        }

        private void open(int index) throws FrameGrabber.Exception {
            close();
            segment = index;
            grabber = new FFmpegFrameGrabber(segments.get(index).file().toFile());
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
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

    /// One audio file, decoded to 48 kHz mono 16-bit and placed on the timeline by its frames' timestamps.
    private static final class AudioSource {
        private final Input input;
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
        void mixInto(int[] mix, long first) throws FrameGrabber.Exception {
            long last = first + mix.length;
            if (exhausted || last <= input.startMillis() * SAMPLE_RATE / 1000) {
                return;
            }
            while (true) {
                while (pendingOffset < pending.length) {
                    long position = pendingPosition;
                    if (position >= last) {
                        return;
                    }
                    if (position >= first) {
                        mix[(int) (position - first)] += pending[pendingOffset];
                    }
                    pendingOffset++;
                    pendingPosition++;
                }
                if (!decode()) {
                    exhausted = true;
                    close();
                    return;
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
