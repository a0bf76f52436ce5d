package com.convene.backend.recording;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;

/// A recorder that a test kills: the main of a child JVM that records one VP8 camera (25 fps, frames of an IVF file
/// in a loop) and one Opus microphone (50 packets/s) of one participant through the real [RoomRecorder] into a spool
/// directory, in real time, until it is killed. Once both tracks' files exist it prints `recording <ms>`, the
/// recording's time so far (its timeline starts at the first packets).
///
/// [#runAndKill] starts it, lets it record, and kills it with SIGKILL: what the spool holds afterwards is what a
/// backend killed mid-recording leaves.
final class CrashingRecorderMain {
    private static final long TICK_NANOS = 10_000_000L;

    private CrashingRecorderMain() {
    }

    /// What [#runAndKill] measured.
    ///
    /// @param recordedMillis the recording's time at the SIGKILL, in ms: the child's time at its `recording` line
    ///                       plus the time from reading that line to the kill
    record Killed(long recordedMillis) {}

    /// Arguments: the IVF file, the spool directory of the recording (named after its id), the participant id.
    public static void main(String[] args) throws IOException {
        List<byte[]> frames = RtpFixtures.readIvf(Path.of(args[0]));
        Path directory = Files.createDirectories(Path.of(args[1]));
        String participantId = args[2];
        warmUp(directory.resolveSibling(directory.getFileName() + "-warm-up"), frames, participantId);
        long start = System.nanoTime();
        RoomRecorder recorder = new RoomRecorder(UUID.fromString(directory.getFileName().toString()), directory,
                start, t -> t.kind() == MediaKind.AUDIO ? "microphone" : "camera", result -> { });
        PublishedTrack video = new PublishedTrack(participantId, "s-1", "cam", MediaKind.VIDEO, 0x1111, "0");
        PublishedTrack audio = new PublishedTrack(participantId, "s-1", "mic", MediaKind.AUDIO, 0x2222, "1");
        byte[] opus = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE}; // CELT fullband 20 ms frame (RFC 6716 §3.1)
        int videoSequence = 0;
        boolean announced = false;
        for (long tick = 0; ; tick++) {
            long due = start + tick * TICK_NANOS;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            long now = System.nanoTime();
            if (tick % 2 == 0) {
                long n = tick / 2;
                byte[] packet = RtpFixtures.rtp(111, (int) (n & 0xFFFF), 960L * n, true, opus);
                recorder.onRtp(audio, packet, packet.length, now);
            }
            if (tick % 4 == 0) {
                int f = (int) (tick / 4);
                for (byte[] packet : RtpFixtures.packetizeVp8(frames.get(f % frames.size()), videoSequence,
                        3600L * f, f & 0x7FFF)) {
                    recorder.onRtp(video, packet, packet.length, now);
                    videoSequence = (videoSequence + 1) & 0xFFFF;
                }
            }
            if (!announced && Files.exists(directory.resolve(participantId + "-camera-video-1.webm"))
                    && Files.exists(directory.resolve(participantId + "-microphone-audio-1.webm"))) {
                announced = true;
                System.out.println("recording " + (System.nanoTime() - start) / 1_000_000L); // for the parent
                System.out.flush();
            }
        }
    }

    /// Records a few packets of both tracks into a throw-away directory and finishes them: loads FFmpeg's natives,
    /// Jackson, logging and the recorder's classes, as a running backend has long done before a recording starts;
    /// otherwise the tracks would start a second or more late on the recording's timeline.
    private static void warmUp(Path directory, List<byte[]> frames, String participantId) throws IOException {
        Loader.load(avformat.class);
        Files.createDirectories(directory);
        long start = System.nanoTime();
        RoomRecorder recorder = new RoomRecorder(UUID.randomUUID(), directory, start,
                t -> t.kind() == MediaKind.AUDIO ? "microphone" : "camera", result -> { });
        PublishedTrack video = new PublishedTrack(participantId, "s-0", "cam", MediaKind.VIDEO, 0x3333, "0");
        PublishedTrack audio = new PublishedTrack(participantId, "s-0", "mic", MediaKind.AUDIO, 0x4444, "1");
        byte[] opus = RtpFixtures.rtp(111, 0, 0, true, new byte[] {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE});
        recorder.onRtp(audio, opus, opus.length, start);
        for (byte[] packet : RtpFixtures.packetizeVp8(frames.get(0), 0, 0, 0)) {
            recorder.onRtp(video, packet, packet.length, start);
        }
        recorder.onTapClosed(0);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /// Runs [#main] in a child JVM on this JVM's class path, waits until it records, lets it record for
    /// `recordMillis`, then kills it with SIGKILL (`kill -KILL`) and waits for it to be gone.
    ///
    /// @param ivf          VP8 frames (IVF)
    /// @param directory    the recording's spool directory, named after the recording id
    /// @param participantId the publisher's participant id (a UUID where rows are stored)
    /// @param recordMillis how long to let it record after both files exist, ms
    static Killed runAndKill(Path ivf, Path directory, String participantId, long recordMillis)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashingRecorderMain.class.getName(), ivf.toString(),
                directory.toString(), participantId).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<Long> started = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> { // reads (and drains) the child's output: its log lines and "recording"
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("recording ")) { // the recording's time in ms back to this JVM's clock
                        started.complete(System.nanoTime() - Long.parseLong(line.substring(10)) * 1_000_000L);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("the recorder child ended before recording"));
        });
        try {
            long recording = started.get(30, TimeUnit.SECONDS);
            Thread.sleep(recordMillis);
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).inheritIO().start();
            int killStatus = kill.waitFor();
            long killed = System.nanoTime(); // the signal went out before this: the recorded time is not undercounted
            if (killStatus != 0 || !child.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the recorder child was not killed");
            }
            if (child.exitValue() != 128 + 9) {
                throw new IllegalStateException("the recorder child ended otherwise: " + child.exitValue());
            }
            return new Killed((killed - recording) / 1_000_000L);
        } finally {
            child.destroyForcibly();
        }
    }
}
