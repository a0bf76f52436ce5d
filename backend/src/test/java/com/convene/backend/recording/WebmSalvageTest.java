package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Crash-safe per-track files (docs/decisions/058): a recorder in a child JVM killed with SIGKILL leaves files that
/// [WebmSalvage] turns into valid WebM files holding everything but at most the last 2 s, checked with ffprobe and
/// a full decode by ffmpeg; and the cut after the last complete cluster, on files cut at known byte offsets.
class WebmSalvageTest {
    private static final Logger LOG = LoggerFactory.getLogger(WebmSalvageTest.class);
    @TempDir
    static Path dir;
    private static Path ivf;

    @BeforeAll
    static void encodeVp8() throws Exception {
        ivf = dir.resolve("pattern.ivf");
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "2", "-c:v", "libvpx", "-g", "25",
                "-b:v", "300k", "-f", "ivf", ivf.toString());
    }

    /// The child records about 6 s of a 25 fps VP8 camera and a 50 packet/s Opus microphone, then gets SIGKILL.
    /// Both spooled files are non-empty and have manifests; salvaged, each is a WebM that ffprobe reads with a
    /// duration of at least the recorded time minus 2 s (and not more than the recorded time), whose last frame
    /// ends on the recording's timeline no earlier than 2 s before the kill, that ffmpeg decodes without an
    /// error, and that holds at least 25 (video) or 50 (audio) frames per second of the recorded time minus 2 s.
    @Test
    void salvagesBothTracksOfARecorderKilledWithSigkillLosingAtMostTwoSeconds() throws Exception {
        Path spool = dir.resolve(UUID.randomUUID().toString());
        String participant = UUID.randomUUID().toString();

        CrashingRecorderMain.Killed killed = CrashingRecorderMain.runAndKill(ivf, spool, participant, 6_000);

        double recorded = killed.recordedMillis() / 1000.0;
        List<Path> manifests;
        try (Stream<Path> entries = Files.list(spool)) {
            manifests = entries.filter(p -> p.toString().endsWith(".webm.json")).sorted().toList();
        }
        assertThat(manifests).hasSize(2);
        List<TrackFile> salvaged = new ArrayList<>();
        for (Path manifestFile : manifests) {
            TrackManifest manifest = TrackManifest.read(manifestFile);
            Path spooled = spool.resolve(manifest.file());
            assertThat(Files.size(spooled)).as("bytes that reached the OS before the kill").isPositive();
            Path out = spool.resolve(manifest.file() + ".salvaged");
            TrackFile file = WebmSalvage.finalise(spooled, manifest, out);
            assertThat(file).isNotNull();
            salvaged.add(file);

            JsonNode probe = Ffprobe.probe(out);
            double duration = probe.path("format").path("duration").asDouble();
            assertThat(probe.path("format").path("format_name").asText()).contains("webm");
            assertThat(duration).as("%s: salvaged %.2f s of %.2f s", manifest.file(), duration, recorded)
                    .isGreaterThanOrEqualTo(recorded - 2.0).isLessThanOrEqualTo(recorded + 0.1);
            assertThat(file.endMillis()).as("%s: end of the last frame kept", manifest.file())
                    .isGreaterThanOrEqualTo(killed.recordedMillis() - 2_000)
                    .isLessThanOrEqualTo(killed.recordedMillis() + 100);
            Ffprobe.ffmpeg("-xerror", "-i", out.toString(), "-f", "null", "-");
            double perSecond = file.kind() == MediaKind.VIDEO ? 25 : 50;
            assertThat(file.frames()).isGreaterThanOrEqualTo((long) (perSecond * (recorded - 2.0)));
            assertThat(file.participantId()).isEqualTo(participant);
            LOG.info("salvaged file={} recordedSeconds={} salvagedSeconds={} startMillis={} endMillis={} frames={}",
                    manifest.file(), recorded, duration, file.startMillis(), file.endMillis(), file.frames());
        }
        assertThat(salvaged).extracting(TrackFile::kind).containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);
        assertThat(salvaged).filteredOn(f -> f.kind() == MediaKind.VIDEO).singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo("camera"));
    }

    /// A file copied after 1, 2 and 3 flushes ends exactly after the 1st, 2nd and 3rd cluster: whole, it is
    /// complete; 10 bytes short, it is cut after the 2nd cluster and salvages to the 2 s of audio written before
    /// the 2nd flush but the newest packet (FFmpeg's WebM muxer holds one audio packet back for the next cluster);
    /// with the first cluster cut off, nothing is salvageable.
    @Test
    void cutsAfterTheLastCompleteCluster() throws Exception {
        Path live = dir.resolve("live.webm");
        long[] sizes = new long[4];
        byte[] afterThree;
        byte[] silence = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
        try (WebmTrackWriter writer = new WebmTrackWriter(live, MediaKind.AUDIO, 0, 0)) {
            sizes[0] = Files.size(live); // the header reaches the file at once
            for (int second = 1; second <= 3; second++) {
                for (int i = 0; i < 50; i++) {
                    writer.write(silence, 0, silence.length, ((second - 1) * 50L + i) * 20, 20, true);
                }
                writer.flush(System.nanoTime());
                sizes[second] = Files.size(live);
            }
            afterThree = Files.readAllBytes(live);
        }
        assertThat(sizes[0]).isPositive();
        assertThat(sizes[1]).isGreaterThan(sizes[0]);

        Path whole = dir.resolve("whole.webm");
        Files.write(whole, afterThree);
        assertThat(WebmSalvage.completeLength(whole)).isEqualTo(sizes[3]);

        Path cut = dir.resolve("cut.webm");
        Files.write(cut, java.util.Arrays.copyOf(afterThree, (int) sizes[3] - 10));
        assertThat(WebmSalvage.completeLength(cut)).isEqualTo(sizes[2]);
        TrackManifest manifest = new TrackManifest("cut.webm", "p-1", "mic", "audio", "microphone", 1, "opus", 0, 0,
                0);
        TrackFile salvaged = WebmSalvage.finalise(cut, manifest, dir.resolve("cut.salvaged.webm"));
        assertThat(salvaged).isNotNull();
        assertThat(salvaged.frames()).isEqualTo(99);
        assertThat(salvaged.startMillis()).isZero();
        assertThat(salvaged.endMillis()).isEqualTo(1_980);
        assertThat(Ffprobe.probe(salvaged.file()).path("format").path("duration").asDouble()).isBetween(1.95, 2.0);

        Path headerOnly = dir.resolve("header.webm");
        Files.write(headerOnly, java.util.Arrays.copyOf(afterThree, (int) sizes[1] - 1));
        assertThat(WebmSalvage.completeLength(headerOnly)).isEqualTo(-1);
        assertThat(WebmSalvage.finalise(headerOnly, manifest, dir.resolve("header.salvaged.webm"))).isNull();
    }
}
