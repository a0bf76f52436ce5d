package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Real VP8 frames (encoded by Debian's ffmpeg with libvpx) and Opus packets are packetized into RTP as libwebrtc
/// does (RFC 7741, RFC 7587), fed through [TrackRecorder], and the resulting WebM files are checked with ffprobe.
class TrackRecorderTest {
    private static final long FRAME_NANOS = 1_000_000_000L / 30;
    @TempDir
    static Path dir;
    private static List<byte[]> vp8Frames;

    @BeforeAll
    static void encodeVp8() throws Exception {
        Path ivf = dir.resolve("pattern.ivf");
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "4", "-c:v", "libvpx", "-g", "30",
                "-b:v", "300k", "-f", "ivf", ivf.toString());
        vp8Frames = RtpFixtures.readIvf(ivf);
        assertThat(vp8Frames).hasSize(120);
    }

    @Test
    void writesVp8FramesCopiedIntoWebmWithTheRtpDuration() throws Exception {
        Path file = dir.resolve("video.webm");
        AtomicInteger keyFrameRequests = new AtomicInteger();
        long start = 1_000_000_000L;
        TrackRecorder recorder = new TrackRecorder(track(MediaKind.VIDEO), "camera", 1, file,
                new TrackClock(90_000, new TrackClock.SenderClock()), start, keyFrameRequests::incrementAndGet);
        int sequence = 65_500; // wraps during the test
        for (int i = 0; i < vp8Frames.size(); i++) {
            for (byte[] packet : RtpFixtures.packetizeVp8(vp8Frames.get(i), sequence, 0xFFFF_0000L + 3000L * i, i)) {
                recorder.onRtp(packet, packet.length, start + i * FRAME_NANOS);
                sequence = (sequence + 1) & 0xFFFF;
            }
        }
        TrackFile result = recorder.close();

        assertThat(result).isNotNull();
        assertThat(result.frames()).isEqualTo(120);
        assertThat(result.startMillis()).isZero();
        JsonNode probe = Ffprobe.probe(file);
        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_name").asText()).isEqualTo("vp8");
        assertThat(stream.path("width").asInt()).isEqualTo(320);
        assertThat(stream.path("height").asInt()).isEqualTo(240);
        assertThat(probe.path("format").path("format_name").asText()).contains("webm");
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(3.8, 4.1);
        assertThat(keyFrameRequests).hasValue(0);
    }

    @Test
    void lossDropsFramesUntilTheNextKeyFrameAndAsksForOne() throws Exception {
        Path file = dir.resolve("lossy.webm");
        AtomicInteger keyFrameRequests = new AtomicInteger();
        long start = 5_000_000_000L;
        TrackRecorder recorder = new TrackRecorder(track(MediaKind.VIDEO), "camera", 1, file,
                new TrackClock(90_000, new TrackClock.SenderClock()), start, keyFrameRequests::incrementAndGet);
        int sequence = 0;
        for (int i = 0; i < vp8Frames.size(); i++) {
            List<byte[]> packets = RtpFixtures.packetizeVp8(vp8Frames.get(i), sequence, 3000L * i, i);
            for (int p = 0; p < packets.size(); p++) {
                if (!(i == 10 && p == 0)) { // lose the first packet of frame 10
                    recorder.onRtp(packets.get(p), packets.get(p).length, start + i * FRAME_NANOS);
                }
                sequence = (sequence + 1) & 0xFFFF;
            }
        }
        TrackFile result = recorder.close();

        assertThat(result).isNotNull();
        assertThat(result.frames()).isEqualTo(120 - 20); // frames 10..29 wait for the key frame at 30
        assertThat(keyFrameRequests.get()).isPositive();
        assertThat(result.endMillis()).isBetween(3_900L, 4_000L); // no drift: later frames keep their RTP time
        assertThat(Ffprobe.probe(file).path("format").path("duration").asDouble()).isBetween(3.8, 4.1);
    }

    @Test
    void aPacketRetransmittedAfterLaterOnesStillCompletesItsFrame() throws Exception {
        Path file = dir.resolve("retransmitted.webm");
        AtomicInteger keyFrameRequests = new AtomicInteger();
        long start = 7_000_000_000L;
        TrackRecorder recorder = new TrackRecorder(track(MediaKind.VIDEO), "camera", 1, file,
                new TrackClock(90_000, new TrackClock.SenderClock()), start, keyFrameRequests::incrementAndGet);
        int sequence = 0;
        byte[] late = null;
        for (int i = 0; i < vp8Frames.size(); i++) {
            List<byte[]> packets = RtpFixtures.packetizeVp8(vp8Frames.get(i), sequence, 3000L * i, i);
            for (int p = 0; p < packets.size(); p++) {
                if (i == 10 && p == 0) {
                    late = packets.get(p); // lost on the way in, NACKed by the SFU
                } else {
                    recorder.onRtp(packets.get(p), packets.get(p).length, start + i * FRAME_NANOS);
                }
                sequence = (sequence + 1) & 0xFFFF;
            }
            if (i == 11) { // the publisher's retransmission arrives a frame later
                recorder.onRtp(late, late.length, start + i * FRAME_NANOS + 5_000_000L);
            }
        }
        TrackFile result = recorder.close();

        assertThat(result).isNotNull();
        assertThat(result.frames()).isEqualTo(120);
        assertThat(keyFrameRequests).hasValue(0);
    }

    @Test
    void writesOpusPacketsWithGapsWhereAudioWasLost() throws Exception {
        Path file = dir.resolve("audio.webm");
        long start = 2_000_000_000L;
        TrackRecorder recorder = new TrackRecorder(track(MediaKind.AUDIO), "microphone", 1, file,
                new TrackClock(48_000, new TrackClock.SenderClock()), start, () -> { });
        byte[] silence = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE}; // CELT fullband 20 ms frame (RFC 6716 §3.1)
        for (int i = 0; i < 150; i++) { // 3 s
            if (i >= 50 && i < 75) {
                continue; // 0.5 s lost in the middle
            }
            byte[] packet = RtpFixtures.rtp(111, i, 960L * i, true, silence);
            recorder.onRtp(packet, packet.length, start + i * 20_000_000L);
        }
        TrackFile result = recorder.close();

        assertThat(result).isNotNull();
        assertThat(result.frames()).isEqualTo(125);
        assertThat(result.endMillis()).isEqualTo(3_000L);
        JsonNode probe = Ffprobe.probe(file);
        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_name").asText()).isEqualTo("opus");
        assertThat(stream.path("sample_rate").asInt()).isEqualTo(48_000);
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(2.95, 3.05);
    }

    @Test
    void senderReportsPutAudioAndVideoOfOnePublisherOnItsWallClock() {
        TrackClock.SenderClock sender = new TrackClock.SenderClock();
        TrackClock audio = new TrackClock(48_000, sender);
        TrackClock video = new TrackClock(90_000, sender);
        long ntpBase = (3_900_000_000L << 32); // some wall-clock second
        long local = 10_000_000_000L;
        // both tracks' first packets arrive together, but video was captured 100 ms later than audio
        audio.onPacket(1_000, local);
        video.onPacket(50_000, local);
        audio.onSenderReport(ntpBase, 1_000, local);
        video.onSenderReport(ntpBase + (long) (0.1 * (1L << 32)), 50_000, local);
        long audioAt = audio.localNanos(1_000 + 48_000); // 1 s after the audio report
        long videoAt = video.localNanos(50_000 + 81_000); // 0.9 s after the video report: same instant
        assertThat(Math.abs(audioAt - videoAt)).isLessThan(1_000_000L);
        assertThat(audioAt - local).isBetween(999_000_000L, 1_001_000_000L);
    }

    @Test
    void ignoresSenderReportsWhoseRtpTimeDisagreesWithThePackets() {
        TrackClock clock = new TrackClock(90_000, new TrackClock.SenderClock());
        long local = 5_000_000_000L;
        clock.onPacket(1_000_000, local);
        long hoursAhead = 1_000_000 + 90_000L * 4_000; // a report stamped from another clock epoch
        assertThat(clock.onSenderReport(3_900_000_000L << 32, hoursAhead, local + 10_000_000L)).isFalse();
        assertThat(clock.rejectedReports()).isEqualTo(1);
        assertThat(clock.synchronizedBySenderReport()).isFalse();
        assertThat(clock.localNanos(1_000_000 + 90_000)).isEqualTo(local + 1_000_000_000L);
        assertThat(clock.onSenderReport(3_900_000_000L << 32, 1_000_000 + 900, local + 10_000_000L)).isTrue();
    }

    @Test
    void anchorsArrivalTimeOnTheLeastDelayedPacket() {
        TrackClock clock = new TrackClock(90_000, new TrackClock.SenderClock());
        long local = 5_000_000_000L;
        clock.onPacket(0, local + 200_000_000L); // the first packet was held up 200 ms
        clock.onPacket(9_000, local + 100_000_000L); // 100 ms of RTP time later, on time
        clock.onPacket(18_000, local + 230_000_000L); // late again
        assertThat(clock.localNanos(90_000)).isEqualTo(local + 1_000_000_000L);
    }

    private static PublishedTrack track(MediaKind kind) {
        return new PublishedTrack("p-1", "s-1", kind == MediaKind.AUDIO ? "mic" : "cam", kind, 0x11223344, "0");
    }
}
