package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingTrackView;
import com.convene.model.api.RecordingView;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A backend killed with SIGKILL while recording (issue 12 item 6, docs/decisions/058): a `recordings` row left
/// `recording` and the spool a real recorder left when killed with SIGKILL in a child JVM, plus leftovers of
/// other crashes; the service's start-up path salvages the recording: it becomes `ready` with `partial` set (the
/// REST `error` says so), lists both tracks, each ending on the timeline no earlier than 2 s before the kill, is
/// composed and downloads as an MP4 that ffprobe reads, and the spool is empty. A second `recording` row whose
/// spool holds nothing becomes `ready` and `partial` with no tracks.
@MicronautTest(transactional = false)
class RecordingSalvageIT extends BackendTestSupport {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingSalvageIT.class);
    private static final Path TARGET = Path.of("target", "recording-salvage-it").toAbsolutePath();
    private static final Path SPOOL = TARGET.resolve("spool");

    @Inject RecordingService service;
    @Inject RecordingRepository recordings;
    @Inject DataSource managed;
    /// The pool itself: the rows must be committed for the server's threads to see them.
    private DataSource dataSource;
    private Path ivf;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestServices.properties());
        properties.put("convene.recording.spool-directory", SPOOL.toString());
        properties.put("convene.storage.local.root", TARGET.resolve("storage").toString());
        properties.put("convene.recording.composition-width", "320");
        properties.put("convene.recording.composition-height", "240");
        properties.put("convene.recording.composition-frame-rate", "10");
        return properties;
    }

    @BeforeAll
    void prepare() throws Exception {
        dataSource = DelegatingDataSource.unwrapDataSource(managed);
        Files.createDirectories(TARGET);
        ivf = TARGET.resolve("pattern.ivf");
        Ffprobe.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "2", "-c:v", "libvpx", "-g", "25",
                "-b:v", "300k", "-f", "ivf", ivf.toString());
    }

    @Test
    void startUpSalvagesARecordingKilledMidCallAsPartialComposesItAndEmptiesTheSpool() throws Exception {
        String hostToken = newMemberToken();
        MeetingView meeting = schedule(hostToken);
        UUID participantId = participant(meeting.id());
        UUID recordingId = interruptedRow(meeting);
        UUID emptyId = interruptedRow(meeting);
        CrashingRecorderMain.Killed killed = CrashingRecorderMain.runAndKill(ivf,
                SPOOL.resolve(recordingId.toString()), participantId.toString(), 4_000);
        Path orphan = Files.createDirectories(SPOOL.resolve(UUID.randomUUID().toString())); // its row is long gone
        Files.write(orphan.resolve("x-camera-video-1.webm"), new byte[256 * 1024]);
        Path crashedComposition = Files.createDirectories(SPOOL.resolve(UUID.randomUUID() + "-compose"));
        Files.write(crashedComposition.resolve("composed.mp4"), new byte[1024]);

        service.recoverInterrupted();

        RecordingView view = awaitSettled(hostToken, recordingId);
        double recorded = killed.recordedMillis() / 1000.0;
        assertThat(view.status()).isEqualTo("ready");
        assertThat(view.partial()).isTrue();
        assertThat(view.error()).isNull();
        assertThat(partial(recordingId)).isTrue();
        assertThat(view.tracks()).extracting(RecordingTrackView::kind).containsExactlyInAnyOrder("audio", "video");
        for (RecordingTrackView track : view.tracks()) {
            assertThat(track.participantId()).isEqualTo(participantId);
            assertThat(track.endOffsetMs()).as("%s track's end, of %.2f s recorded", track.kind(), recorded)
                    .isGreaterThanOrEqualTo(killed.recordedMillis() - 2_000)
                    .isLessThanOrEqualTo(killed.recordedMillis() + 100);
        }
        assertThat(view.durationSeconds()).isGreaterThanOrEqualTo((int) Math.floor(recorded - 2));
        assertThat(view.downloadPath()).isNotNull();

        HttpResponse<byte[]> download = client.toBlocking().exchange(HttpRequest.GET(view.downloadPath())
                .bearerAuth(hostToken), byte[].class);
        assertThat(download.code()).isEqualTo(200);
        Path mp4 = TARGET.resolve(recordingId + ".mp4");
        Files.write(mp4, download.body());
        JsonNode probe = Ffprobe.probe(mp4);
        assertThat(probe.path("streams").findValuesAsText("codec_type")).contains("video", "audio");
        double composed = probe.path("format").path("duration").asDouble();
        assertThat(composed).isGreaterThanOrEqualTo(recorded - 2.0);
        LOG.info("salvaged recording recordedSeconds={} tracks={} composedSeconds={}", recorded, view.tracks(),
                composed);

        try (Stream<Path> left = Files.list(SPOOL)) {
            assertThat(left).as("spool after start-up").isEmpty();
        }

        RecordingView empty = awaitSettled(hostToken, emptyId);
        assertThat(empty.status()).isEqualTo("ready");
        assertThat(empty.partial()).isTrue();
        assertThat(empty.error()).isNull();
        assertThat(empty.tracks()).isEmpty();
        assertThat(empty.downloadPath()).isNull();
    }

    /// A `recordings` row as [RecordingService#start] writes it, left `recording` as a killed backend leaves it.
    private UUID interruptedRow(MeetingView meeting) {
        UUID recordingId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        recordings.save(new Recording(recordingId, meeting.id(), meeting.hostUserId(), "Recording of a crash", null,
                null, null, "local", "recordings", TrackFileStore.keyPrefix(meeting.id(), recordingId), null,
                "meeting", null, null, "recording", now, null, null, "private", true, false, null, now, now, null,
                false));
        return recordingId;
    }

    /// Polls the recording until salvage and composition are over (status `ready` or `failed`), up to 90 s.
    private RecordingView awaitSettled(String token, UUID recordingId) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        RecordingView view;
        do {
            Thread.sleep(250);
            view = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/recordings/" + recordingId)
                    .bearerAuth(token), RecordingView.class);
        } while (!"ready".equals(view.status()) && !"failed".equals(view.status()) && System.nanoTime() < deadline);
        return view;
    }

    private MeetingView schedule(String token) {
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
        Map<String, Object> body = Map.of("title", "Crash test", "scheduledStart", start.toString(),
                "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "Europe/Berlin",
                "recordingEnabled", true);
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", body).bearerAuth(token),
                MeetingView.class);
    }

    private UUID participant(UUID meetingId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO meeting_participants (meeting_id, display_name) VALUES (?, 'Publisher') "
                        + "RETURNING participant_id")) {
            s.setObject(1, meetingId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private boolean partial(UUID recordingId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT partial FROM recordings WHERE recording_id = ?")) {
            s.setObject(1, recordingId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
