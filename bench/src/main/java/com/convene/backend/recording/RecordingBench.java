package com.convene.backend.recording;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/// Acceptance e of issue 6: the CPU cost of live per-track recording and the speed of composition, for an
/// N-participant (default 4) meeting of 640x360 VP8 cameras at 30 fps and Opus microphones.
///
/// 1. Media: Debian's `ffmpeg` encodes `--seconds` (default 60) of a moving test picture to VP8 (libvpx,
///    600 kbit/s, key frame every 3 s, like a WebRTC camera) and a tone to Opus (20 ms packets).
/// 2. Live recording: every participant's packets are split into RTP exactly as libwebrtc sends them (RFC 7741,
///    RFC 7587) and fed, interleaved in time order, through one [TrackRecorder] per track (RTP parsing,
///    depacketizing, `TrackClock`, the WebM muxer, file writes: everything the recording tap's consumer does), on
///    one thread as fast as it goes. The thread's CPU time over the media duration gives the share of one core
///    each track costs in a real-time meeting.
/// 3. Composition: [RecordingComposer] composes those files (grid, the backend's default 1280x720 at 15 fps,
///    H.264 + AAC) and the wall-clock time gives seconds of meeting composed per second.
///
/// A harness, not a test: nothing is asserted. Options: `--participants=N` (1–16), `--seconds=N` (5–600),
/// `--dir=path` (default `target/recording-bench`).
/// Run: `mvn -q -pl bench -am -DskipTests -Pbench verify -Dbench.main=com.convene.backend.recording.RecordingBench
/// -Dbench.args=--participants=4`.
public final class RecordingBench {
    private static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / 30;
    private static final long OPUS_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private RecordingBench() {
    }

    /// Runs the benchmark and prints its figures on standard output.
    public static void main(String[] args) throws Exception {
        int participants = (int) option(args, "participants", 4);
        int seconds = (int) option(args, "seconds", 60);
        if (participants < 1 || participants > 16 || seconds < 5 || seconds > 600) {
            throw new IllegalArgumentException("--participants 1-16, --seconds 5-600");
        }
        Path dir = Path.of(stringOption(args, "dir", "target/recording-bench")).toAbsolutePath();
        Files.createDirectories(dir);
        print("machine: %d cores, %s %s, JDK %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));

        Path ivf = dir.resolve("camera.ivf");
        Path opus = dir.resolve("microphone.webm");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", String.valueOf(seconds), "-c:v", "libvpx",
                "-b:v", "600k", "-g", "90", "-deadline", "realtime", "-cpu-used", "8", "-f", "ivf", ivf.toString());
        ffmpeg("-f", "lavfi", "-i", "sine=f=440:sample_rate=48000", "-t", String.valueOf(seconds), "-c:a", "libopus",
                "-b:a", "32k", "-frame_duration", "20", opus.toString());
        List<byte[]> videoFrames = RtpFixtures.readIvf(ivf);
        List<byte[]> audioPackets = opusPackets(opus);
        print("media: %d s of 640x360 VP8 (%d frames, %d kB) and Opus (%d packets) per participant", seconds,
                videoFrames.size(), videoFrames.stream().mapToLong(f -> f.length).sum() / 1000, audioPackets.size());

        List<Feed> feeds = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            String id = "participant-" + p;
            TrackClock.SenderClock sender = new TrackClock.SenderClock();
            feeds.add(new Feed(new TrackRecorder(new PublishedTrack(id, "s" + p, "cam" + p, MediaKind.VIDEO,
                    0x1000 + p, "v" + p), "camera", 1, dir.resolve(id + "-camera.webm"),
                    new TrackClock(90_000, sender), 0, () -> { }), videoPackets(videoFrames), FRAME_NANOS, p));
            feeds.add(new Feed(new TrackRecorder(new PublishedTrack(id, "s" + p, "mic" + p, MediaKind.AUDIO,
                    0x2000 + p, "a" + p), "microphone", 1, dir.resolve(id + "-microphone.webm"),
                    new TrackClock(48_000, sender), 0, () -> { }), audioRtp(audioPackets), OPUS_NANOS, p));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long packets = recordInterleaved(feeds);
        List<RecordingComposer.Input> inputs = new ArrayList<>();
        for (Feed feed : feeds) {
            TrackFile file = feed.recorder.close();
            if (file == null) {
                throw new IllegalStateException("a track wrote no file");
            }
            inputs.add(new RecordingComposer.Input(file.participantId(), file.source(), file.kind() == MediaKind.VIDEO,
                    file.file(), file.startMillis(), file.endMillis()));
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wallSeconds = (System.nanoTime() - wall0) / 1e9;
        int tracks = feeds.size();
        print("live recording: %d tracks, %d RTP packets, %.2f s CPU for %d s of media (%.2f s wall)", tracks, packets,
                cpuSeconds, seconds, wallSeconds);
        print("RESULT live recording CPU per track: %.3f %% of one core (%d tracks in a %d-participant meeting "
                + "together: %.2f %% of one core)", 100 * cpuSeconds / seconds / tracks, tracks, participants,
                100 * cpuSeconds / seconds);

        Path output = dir.resolve("composed.mp4");
        RecordingComposer.Settings settings = new RecordingComposer.Settings(1280, 720, 15, 1_500_000, 96_000,
                CompositionLayout.GRID);
        long processCpu0 = processCpuNanos();
        long compose0 = System.nanoTime();
        RecordingComposer.Result result = RecordingComposer.compose(inputs, seconds * 1000L, settings, output,
                fraction -> { });
        double composeSeconds = (System.nanoTime() - compose0) / 1e9;
        double composeCpu = (processCpuNanos() - processCpu0) / 1e9;
        print("composition: %d tiles, %d audio tracks, %d ms of meeting -> %s (%d kB) in %.2f s wall, %.2f s CPU",
                result.tiles(), result.audioTracks(), result.durationMillis(), output.getFileName(),
                Files.size(output) / 1000, composeSeconds, composeCpu);
        print("RESULT composition speed: %.2f s of meeting per s (1280x720 15 fps grid of %d 360p cameras; "
                + "%.2f cores busy on average)", result.durationMillis() / 1000.0 / composeSeconds, participants,
                composeCpu / composeSeconds);
    }

    /// One track's RTP in send order and the interval between its frames.
    private record Feed(TrackRecorder recorder, List<List<byte[]>> frames, long frameNanos, int participant) {}

    /// Feeds every track's packets in arrival order (all participants' frames interleaved by their send time).
    private static long recordInterleaved(List<Feed> feeds) {
        record Next(Feed feed, int frame, long nanos) {}
        java.util.PriorityQueue<Next> queue = new java.util.PriorityQueue<>(Comparator.comparingLong(Next::nanos));
        for (Feed feed : feeds) {
            queue.add(new Next(feed, 0, feed.participant() * 7_000_000L));
        }
        long packets = 0;
        while (!queue.isEmpty()) {
            Next next = queue.poll();
            for (byte[] packet : next.feed().frames().get(next.frame())) {
                next.feed().recorder().onRtp(packet, packet.length, next.nanos());
                packets++;
            }
            if (next.frame() + 1 < next.feed().frames().size()) {
                queue.add(new Next(next.feed(), next.frame() + 1, next.nanos() + next.feed().frameNanos()));
            }
        }
        return packets;
    }

    private static List<List<byte[]>> videoPackets(List<byte[]> frames) {
        List<List<byte[]>> packets = new ArrayList<>();
        int sequence = 0;
        for (int i = 0; i < frames.size(); i++) {
            List<byte[]> frame = RtpFixtures.packetizeVp8(frames.get(i), sequence, 3000L * i, i & 0x7FFF);
            sequence = (sequence + frame.size()) & 0xFFFF;
            packets.add(frame);
        }
        return packets;
    }

    private static List<List<byte[]>> audioRtp(List<byte[]> opusPackets) {
        List<List<byte[]>> packets = new ArrayList<>();
        for (int i = 0; i < opusPackets.size(); i++) {
            packets.add(List.of(RtpFixtures.rtp(111, i & 0xFFFF, 960L * i, true, opusPackets.get(i))));
        }
        return packets;
    }

    private static List<byte[]> opusPackets(Path webm) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(webm.toFile())) {
            grabber.start();
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                packets.add(data);
            }
        }
        return packets;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + output);
        }
    }

    private static long option(String[] args, String name, long fallback) {
        String value = stringOption(args, name, null);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static String stringOption(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
