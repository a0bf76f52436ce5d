package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.storage.ObjectStorage;
import com.convene.backend.storage.S3MockServer;
import com.convene.backend.storage.StorageException;
import com.convene.model.api.AuditEntryView;
import com.convene.model.api.Page;
import com.convene.model.api.RecordingView;
import com.convene.model.api.UserView;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/// Recordings kept in S3-compatible storage through the REST API, against a real S3 server ([S3MockServer]):
/// a per-track file and the composed MP4 stored with provider `s3` download with a 206 range response of the
/// exact bytes (issue 6 acceptance d), the JSON shows the processing status and error, and `DELETE` removes the
/// files from the bucket and the rows (host or admin; 403, 404 and 409 as problems; audited for admins). A
/// download password set by the host is asked of participants (403 `recording-password-required`, 429 after ten
/// wrong ones), never of the host.
@MicronautTest(transactional = false)
class S3RecordingRestIT extends BackendTestSupport {
    private static final int PART = 5 * 1024 * 1024;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<AuditEntryView>> AUDIT_PAGE = (Argument) Argument.of(Page.class,
            AuditEntryView.class);

    @Inject ObjectStorage storage;
    @Inject DataSource managed;
    /// The pool itself: the rows must be committed for the server's request threads to see them.
    private DataSource dataSource;

    @org.junit.jupiter.api.BeforeAll
    void unwrapDataSource() {
        dataSource = DelegatingDataSource.unwrapDataSource(managed);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestServices.properties());
        props.putAll(S3MockServer.shared().properties("5MB"));
        return props;
    }

    /// A meeting hosted by a fresh member, with one stored recording: a track file and a composed MP4.
    private record Fixture(String hostToken, UUID meetingId, UUID recordingId, UUID fileId, String fileKey,
                           byte[] file, String composedKey, byte[] composed) {}

    @Test
    void downloadsRangesOfFilesStoredInS3() throws Exception {
        Fixture f = fixture("ready", null);

        HttpResponse<byte[]> part = client.toBlocking().exchange(HttpRequest.GET("/api/v1/recordings/"
                + f.recordingId() + "/files/" + f.fileId()).header("Range", "bytes=5242870-5242969")
                .bearerAuth(f.hostToken()), byte[].class);
        assertThat(part.code()).isEqualTo(HttpStatus.PARTIAL_CONTENT.getCode());
        assertThat(part.header("Content-Range")).isEqualTo("bytes 5242870-5242969/" + f.file().length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(f.file(), 5_242_870, 5_242_970));

        HttpResponse<byte[]> tail = client.toBlocking().exchange(HttpRequest.GET("/api/v1/recordings/"
                + f.recordingId() + "/download").header("Range", "bytes=-10").bearerAuth(adminToken()), byte[].class);
        assertThat(tail.code()).isEqualTo(HttpStatus.PARTIAL_CONTENT.getCode());
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(f.composed(), f.composed().length - 10,
                f.composed().length));

        HttpResponse<byte[]> whole = client.toBlocking().exchange(HttpRequest.GET("/api/v1/recordings/"
                + f.recordingId() + "/download").bearerAuth(f.hostToken()), byte[].class);
        assertThat(whole.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(whole.body()).isEqualTo(f.composed());

        String other = newMemberToken();
        HttpResponse<?> forbidden = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/recordings/" + f.recordingId() + "/files/" + f.fileId()).bearerAuth(other)));
        assertThat(problem(forbidden).type()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
    }

    @Test
    void showsProcessingStatusAndErrorInTheJson() throws Exception {
        Fixture f = fixture("failed", "The recording could not be composed; it can be retried.");

        RecordingView view = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/recordings/" + f.recordingId())
                .bearerAuth(f.hostToken()), RecordingView.class);
        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.error()).isEqualTo("The recording could not be composed; it can be retried.");
        assertThat(view.progressPercent()).isNull();
        String json = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/recordings/" + f.recordingId())
                .bearerAuth(f.hostToken()), String.class);
        assertThat(json).contains("\"status\":\"failed\"").contains("\"error\":");
    }

    @Test
    void hostDeletesARecordingWithItsFilesAndRows() throws Exception {
        Fixture f = fixture("ready", null);
        String other = newMemberToken();

        HttpResponse<?> forbidden = expectError(() -> client.toBlocking().exchange(HttpRequest.DELETE(
                "/api/v1/recordings/" + f.recordingId()).bearerAuth(other)));
        assertThat(forbidden.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(problem(forbidden).type()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
        HttpResponse<?> unknown = expectError(() -> client.toBlocking().exchange(HttpRequest.DELETE(
                "/api/v1/recordings/" + UUID.randomUUID()).bearerAuth(f.hostToken())));
        assertThat(problem(unknown).type()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
        assertThat(storage.size(f.fileKey())).isEqualTo(f.file().length); // the refusals changed nothing

        HttpResponse<?> deleted = client.toBlocking().exchange(HttpRequest.DELETE(
                "/api/v1/recordings/" + f.recordingId()).bearerAuth(f.hostToken()));

        assertThat(deleted.code()).isEqualTo(HttpStatus.NO_CONTENT.getCode());
        assertGone(f.fileKey());
        assertGone(f.composedKey());
        assertThat(count("SELECT count(*) FROM recordings WHERE recording_id = ?", f.recordingId())).isZero();
        assertThat(count("SELECT count(*) FROM recording_tracks WHERE recording_id = ?", f.recordingId())).isZero();
        HttpResponse<?> again = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/recordings/" + f.recordingId()).bearerAuth(f.hostToken())));
        assertThat(problem(again).type()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
    }

    @Test
    void adminDeleteIsAudited() throws Exception {
        Fixture f = fixture("failed", "The recording's files could not be stored.");
        String admin = adminToken();

        client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/recordings/" + f.recordingId()).bearerAuth(admin));

        assertGone(f.fileKey());
        Page<AuditEntryView> log = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/audit?action=recording.delete&limit=500").bearerAuth(admin), AUDIT_PAGE);
        assertThat(log.items()).filteredOn(e -> f.recordingId().toString().equals(e.targetId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.targetType()).isEqualTo("recording");
                    assertThat(e.status()).isEqualTo(204);
                    assertThat(e.method()).isEqualTo("DELETE");
                });
    }

    @Test
    void refusesToDeleteWhileRecording() throws Exception {
        Fixture f = fixture("recording", null);

        HttpResponse<?> conflict = expectError(() -> client.toBlocking().exchange(HttpRequest.DELETE(
                "/api/v1/recordings/" + f.recordingId()).bearerAuth(f.hostToken())));

        assertThat(problem(conflict).type()).isEqualTo(ProblemType.CONFLICT.uri().toString());
        assertThat(storage.size(f.fileKey())).isEqualTo(f.file().length);
    }

    @Test
    void passwordProtectsDownloadsFromParticipantsButNotFromTheHost() throws Exception {
        Fixture f = fixture("ready", null);
        String participant = newMemberToken();
        UserView member = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/me").bearerAuth(participant),
                UserView.class);
        exec("INSERT INTO meeting_participants (participant_id, meeting_id, user_id, display_name, joined_at) "
                + "VALUES (?, ?, ?, 'Guest', now())", UUID.randomUUID(), f.meetingId(), member.id());
        String recording = "/api/v1/recordings/" + f.recordingId();

        HttpResponse<?> notOwner = expectError(() -> client.toBlocking().exchange(HttpRequest.PATCH(recording,
                "{\"password\": \"open sesame\"}").contentType("application/json").bearerAuth(participant)));
        assertThat(problem(notOwner).type()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
        HttpResponse<?> tooShort = expectError(() -> client.toBlocking().exchange(HttpRequest.PATCH(recording,
                "{\"password\": \"abc\"}").contentType("application/json").bearerAuth(f.hostToken())));
        assertThat(problem(tooShort).type()).isEqualTo(ProblemType.VALIDATION.uri().toString());
        RecordingView updated = client.toBlocking().retrieve(HttpRequest.PATCH(recording,
                "{\"visibility\": \"participants\", \"password\": \"open sesame\"}")
                .contentType("application/json").bearerAuth(f.hostToken()), RecordingView.class);
        assertThat(updated.visibility()).isEqualTo("participants");
        assertThat(updated.passwordProtected()).isTrue();
        assertThat(updated.downloadEnabled()).isTrue();
        assertThat(string("SELECT password_hash FROM recordings WHERE recording_id = ?", f.recordingId()))
                .startsWith("$argon2id$").doesNotContain("open sesame");

        HttpResponse<?> missing = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                recording + "/download").bearerAuth(participant)));
        assertThat(missing.code()).isEqualTo(403);
        assertThat(problem(missing).type()).isEqualTo(ProblemType.RECORDING_PASSWORD_REQUIRED.uri().toString());
        HttpResponse<?> wrong = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                recording + "/files/" + f.fileId()).header("X-Recording-Password", "open sesam").bearerAuth(participant)));
        assertThat(problem(wrong).type()).isEqualTo(ProblemType.RECORDING_PASSWORD_REQUIRED.uri().toString());
        HttpResponse<byte[]> right = client.toBlocking().exchange(HttpRequest.GET(recording + "/download")
                .header("X-Recording-Password", "open sesame").header("Range", "bytes=0-99").bearerAuth(participant),
                byte[].class);
        assertThat(right.code()).isEqualTo(HttpStatus.PARTIAL_CONTENT.getCode());
        assertThat(right.body()).isEqualTo(Arrays.copyOfRange(f.composed(), 0, 100));
        HttpResponse<byte[]> host = client.toBlocking().exchange(HttpRequest.GET(recording + "/download")
                .bearerAuth(f.hostToken()), byte[].class);
        assertThat(host.body()).isEqualTo(f.composed());

        // guessing: ten wrong passwords, then even the right one waits for the window to pass
        for (int i = 1; i < RecordingPasswords.MAX_FAILURES; i++) {
            HttpResponse<?> guess = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                    recording + "/download").header("X-Recording-Password", "guess").bearerAuth(participant)));
            assertThat(guess.code()).isEqualTo(403);
        }
        HttpResponse<?> limited = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                recording + "/download").header("X-Recording-Password", "open sesame").bearerAuth(participant)));
        assertThat(limited.code()).isEqualTo(429);
        assertThat(problem(limited).type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS.uri().toString());

        // the host removes the password, then switches downloads off for everyone but the owners
        RecordingView open = client.toBlocking().retrieve(HttpRequest.PATCH(recording, "{\"password\": \"\"}")
                .contentType("application/json").bearerAuth(f.hostToken()), RecordingView.class);
        assertThat(open.passwordProtected()).isFalse();
        assertThat(string("SELECT password_hash FROM recordings WHERE recording_id = ?", f.recordingId())).isNull();
        assertThat(client.toBlocking().exchange(HttpRequest.GET(recording + "/download").bearerAuth(participant),
                byte[].class).body()).isEqualTo(f.composed());
        client.toBlocking().exchange(HttpRequest.PATCH(recording, "{\"downloadEnabled\": false}")
                .contentType("application/json").bearerAuth(f.hostToken()), RecordingView.class);
        HttpResponse<?> off = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                recording + "/download").bearerAuth(participant)));
        assertThat(problem(off).type()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
        assertThat(client.toBlocking().exchange(HttpRequest.GET(recording + "/download").bearerAuth(f.hostToken()),
                byte[].class).code()).isEqualTo(200);
    }

    private void assertGone(String key) {
        assertThatThrownBy(() -> storage.size(key)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    private Fixture fixture(String status, String error) throws IOException, SQLException {
        String host = newMemberToken();
        UserView me = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/me").bearerAuth(host),
                UserView.class);
        HttpResponse<String> created = client.toBlocking().exchange(HttpRequest.POST("/api/v1/meetings",
                "{\"title\": \"S3 recording\"}").contentType("application/json").bearerAuth(host), String.class);
        UUID meetingId = UUID.fromString(created.header("Location").substring("/api/v1/meetings/".length()));
        UUID participantId = UUID.randomUUID();
        exec("INSERT INTO meeting_participants (participant_id, meeting_id, user_id, display_name, joined_at) "
                + "VALUES (?, ?, ?, 'Host', now())", participantId, meetingId, me.id());

        UUID recordingId = UUID.randomUUID();
        String prefix = "recordings/" + meetingId + "/" + recordingId + "/";
        byte[] file = randomBytes(PART + 4_096, 7); // two parts
        String fileKey = prefix + participantId + "-camera-video-1.webm";
        storage.put(fileKey, Files.write(Files.createTempFile("track", ".webm"), file));
        byte[] composed = randomBytes(90_000, 8);
        String composedKey = prefix + RecordingService.COMPOSED_FILE;
        storage.put(composedKey, Files.write(Files.createTempFile("composed", ".mp4"), composed));

        exec("INSERT INTO recordings (recording_id, meeting_id, recorded_by_user_id, title, storage_provider, "
                + "storage_bucket, storage_key, storage_region, recording_type, processing_status, processing_error, "
                + "file_size_bytes, duration_seconds, visibility, expires_at) "
                + "VALUES (?, ?, ?, 'S3', ?, ?, ?, ?, 'meeting', ?, ?, ?, 10, 'private', now() + interval '90 days')",
                recordingId, meetingId, me.id(), storage.provider(), storage.bucket(), composedKey, storage.region(),
                status, error, (long) composed.length);
        UUID fileId = UUID.randomUUID();
        exec("INSERT INTO recording_tracks (recording_track_id, recording_id, participant_id, track_id, kind, source, "
                + "segment, codec, start_offset_ms, end_offset_ms, frame_count, file_size_bytes, storage_key) "
                + "VALUES (?, ?, ?, 't1', 'video', 'camera', 1, 'vp8', 0, 10000, 150, ?, ?)",
                fileId, recordingId, participantId, (long) file.length, fileKey);
        return new Fixture(host, meetingId, recordingId, fileId, fileKey, file, composedKey, composed);
    }

    private long count(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, id);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String string(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, id);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void exec(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
