package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Composes per-track files like the live recorder's (VP8 and Opus WebM, one source joining 2 s late, a screen
/// share from 4.5 s) into an MP4 and checks it with ffprobe, sampled frames (tile colours where
/// [CompositionLayout] puts them) and the decoded audio (tone powers).
class RecordingComposerTest {
    @TempDir
    static Path dir;
    private static Path output;
    private static Path low;
    private static RecordingComposer.Result result;
    private static final List<Double> progress = new ArrayList<>();

    @BeforeAll
    static void compose() throws Exception {
        Path red = dir.resolve("red.webm");
        Path blue = dir.resolve("blue.webm");
        low = dir.resolve("low.webm");
        Path high = dir.resolve("high.webm");
        Path share = dir.resolve("share.webm");
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=320x240:r=15:d=6", "-c:v", "libvpx", red.toString());
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=320x240:r=15:d=4", "-c:v", "libvpx", blue.toString());
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "color=c=lime:s=640x360:r=5:d=1.5", "-c:v", "libvpx", share.toString());
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=6:sample_rate=48000", "-c:a", "libopus", low.toString());
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "sine=f=880:d=4:sample_rate=48000", "-c:a", "libopus", high.toString());
        output = dir.resolve("composed.mp4");
        result = RecordingComposer.compose(List.of(
                new RecordingComposer.Input("a", "camera", true, red, 0, 6_000),
                new RecordingComposer.Input("b", "camera", true, blue, 2_000, 6_000),
                new RecordingComposer.Input("b", "screen", true, share, 4_500, 6_000),
                new RecordingComposer.Input("a", "microphone", false, low, 0, 6_000),
                new RecordingComposer.Input("b", "microphone", false, high, 2_000, 6_000)),
                6_000, new RecordingComposer.Settings(640, 360, 15, 600_000, 64_000, CompositionLayout.GRID),
                output, progress::add);
    }

    @Test
    void writesH264AndAacOfTheRecordingsLength() throws Exception {
        JsonNode probe = Ffprobe.probe(output);
        List<String> codecs = new ArrayList<>();
        probe.path("streams").forEach(s -> codecs.add(s.path("codec_name").asText()));
        assertThat(codecs).containsExactlyInAnyOrder("h264", "aac");
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(5.8, 6.2);
        assertThat(result.tiles()).isEqualTo(3);
        assertThat(result.audioTracks()).isEqualTo(2);
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
    }

    @Test
    void aLoneSourceFillsTheFrameKeepingItsAspectRatio() throws Exception {
        assertThat(colourAt(1.0, 320, 180)).isEqualTo("red"); // 320x240 fitted: 480x360 from x = 80
        assertThat(colourAt(1.0, 100, 20)).isEqualTo("red");
        assertThat(colourAt(1.0, 40, 180)).isEqualTo("black");
        assertThat(colourAt(1.0, 600, 180)).isEqualTo("black");
    }

    @Test
    void aLateSourceJoinsTheGridWhenItArrives() throws Exception {
        // two 320x180 tiles side by side, centred vertically (y 90-270), each picture 240x180 inside
        assertThat(colourAt(4.0, 160, 180)).isEqualTo("red");
        assertThat(colourAt(4.0, 480, 180)).isEqualTo("blue");
        assertThat(colourAt(4.0, 160, 40)).isEqualTo("black");
        assertThat(colourAt(4.0, 480, 320)).isEqualTo("black");
    }

    @Test
    void aScreenShareTakesTheLargeTileAndCamerasMoveToTheStrip() throws Exception {
        assertThat(colourAt(5.5, 240, 180)).isEqualTo("lime"); // left 480x360, picture 480x270 from y = 45
        assertThat(colourAt(5.5, 240, 20)).isEqualTo("black");
        assertThat(colourAt(5.5, 560, 135)).isEqualTo("red"); // strip x >= 480: 160x90 thumbnails from y = 90
        assertThat(colourAt(5.5, 560, 225)).isEqualTo("blue");
    }

    @Test
    void mixesEveryAudioTrackAtItsOffset() throws Exception {
        double[] early = tonePowers(0.2, 1.5);
        double[] late = tonePowers(3.0, 2.5);
        assertThat(early[0]).isGreaterThan(100 * early[1]); // only the 440 Hz source before 2 s
        assertThat(late[0]).isGreaterThan(late[1] / 10).isGreaterThan(1e-3);
        assertThat(late[1]).isGreaterThan(late[0] / 10).isGreaterThan(1e-3);
    }

    @Test
    void keepsAudioContiguousWhenPacketTimestampsJitter() throws Exception {
        Path jittered = dir.resolve("jittered.webm");
        java.util.Random random = new java.util.Random(7);
        try (org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(low.toFile());
                WebmTrackWriter writer = new WebmTrackWriter(jittered, com.convene.sfu.MediaKind.AUDIO, 0, 0)) {
            grabber.start();
            org.bytedeco.ffmpeg.avcodec.AVPacket packet;
            for (int i = 0; (packet = grabber.grabPacket()) != null; i++) {
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                // arrival-time stamping: each 20 ms packet lands up to 3 ms off its ideal millisecond
                writer.write(data, 0, data.length, 20L * i + random.nextInt(4), 20, false);
            }
        }
        Path clean = dir.resolve("clean.mp4");
        Path rough = dir.resolve("rough.mp4");
        RecordingComposer.Settings settings =
                new RecordingComposer.Settings(320, 180, 5, 100_000, 64_000, CompositionLayout.GRID);
        RecordingComposer.compose(List.of(new RecordingComposer.Input("a", "microphone", false, low, 0, 6_000)),
                6_000, settings, clean, p -> { });
        RecordingComposer.compose(List.of(new RecordingComposer.Input("a", "microphone", false, jittered, 0,
                6_000)), 6_000, settings, rough, p -> { });
        double cleanPower = tonePowers(clean, 0.5, 5.0)[0];
        double roughPower = tonePowers(rough, 0.5, 5.0)[0];
        assertThat(roughPower).isGreaterThan(0.8 * cleanPower); // no tearing between packets
    }

    /// Names the colour of the pixel at (x, y) of the frame at `seconds`.
    private static String colourAt(double seconds, int x, int y) throws Exception {
        byte[] rgb = Ffprobe.ffmpegOutput("-ss", String.valueOf(seconds), "-i", output.toString(), "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        int at = (y * 640 + x) * 3;
        int r = rgb[at] & 0xFF;
        int g = rgb[at + 1] & 0xFF;
        int b = rgb[at + 2] & 0xFF;
        if (r > 180 && g < 80 && b < 80) {
            return "red";
        }
        if (b > 180 && r < 80 && g < 80) {
            return "blue";
        }
        if (g > 180 && r < 80 && b < 80) {
            return "lime";
        }
        if (r < 40 && g < 40 && b < 40) {
            return "black";
        }
        return "rgb(" + r + "," + g + "," + b + ")";
    }

    /// Goertzel powers at 440 and 880 Hz of the audio from `from` for `length` seconds, at 8 kHz.
    private static double[] tonePowers(double from, double length) throws Exception {
        return tonePowers(output, from, length);
    }

    private static double[] tonePowers(Path file, double from, double length) throws Exception {
        byte[] pcm = Ffprobe.ffmpegOutput("-ss", String.valueOf(from), "-t", String.valueOf(length), "-i",
                file.toString(), "-ac", "1", "-ar", "8000", "-f", "s16le", "-");
        double[] frequencies = {440, 880};
        double[] powers = new double[2];
        int count = pcm.length / 2;
        for (int f = 0; f < 2; f++) {
            double coefficient = 2 * Math.cos(2 * Math.PI * frequencies[f] / 8000);
            double previous = 0;
            double beforePrevious = 0;
            for (int i = 0; i < count; i++) {
                short sample = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
                double s = sample / 32768.0 + coefficient * previous - beforePrevious;
                beforePrevious = previous;
                previous = s;
            }
            powers[f] = (previous * previous + beforePrevious * beforePrevious
                    - coefficient * previous * beforePrevious) / Math.max(1, count);
        }
        return powers;
    }
}
