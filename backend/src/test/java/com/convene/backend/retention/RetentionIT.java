package com.convene.backend.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.storage.ObjectStorage;
import com.convene.backend.storage.StorageException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/// Acceptance d of issue 4: with the clock moved forward, the retention job deletes exactly what seed 000 says
/// (ended meetings created more than 7 years ago, chat created more than 1 year ago) and nothing else. Rows sit one
/// day on each side of each boundary, plus ended-vs-not-ended meetings past the boundary; a first run at the real
/// time shows the rows are kept until the clock moves.
///
/// Issue 6: recordings whose `expires_at` has passed go with their stored files (per-track and composed); one
/// expiring a day later, one that never expires and an expired one still being recorded stay, files included.
@MicronautTest(environments = MutableClock.ENV)
class RetentionIT extends BackendTestSupport {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject DataSource dataSource;
    @Inject MutableClock clock;
    @Inject RetentionJob job;
    @Inject ObjectStorage storage;

    @Test
    void deletesExactlyTheSeedsRowsOnceTheClockMovesForward() throws Exception {
        Instant realNow = Instant.now();
        Instant moved = realNow.plus(Duration.ofDays(30));
        Instant meetingBoundary = moved.atZone(ZoneOffset.UTC).minusYears(7).toInstant();
        Instant chatBoundary = moved.atZone(ZoneOffset.UTC).minusYears(1).toInstant();

        UUID host = insertUser();
        // meetings around the 7-year boundary of the moved clock
        UUID oldEnded = insertMeeting(host, "ended", meetingBoundary.minus(DAY));
        UUID youngEnded = insertMeeting(host, "ended", meetingBoundary.plus(DAY));
        UUID oldScheduled = insertMeeting(host, "scheduled", meetingBoundary.minus(DAY));
        UUID oldCancelled = insertMeeting(host, "cancelled", meetingBoundary.minus(DAY));
        UUID current = insertMeeting(host, "ended", realNow);
        // dependents of the doomed meeting (FK order) and of a kept one
        UUID doomedParticipant = insertParticipant(oldEnded, host, meetingBoundary.minus(DAY));
        UUID keptParticipant = insertParticipant(youngEnded, host, meetingBoundary.plus(DAY));
        UUID doomedRecording = insertRecording(oldEnded, host);
        UUID keptRecording = insertRecording(youngEnded, host);
        UUID doomedMeetingChat = insertChat(oldEnded, host, chatBoundary.plus(DAY), null);
        // chat around the 1-year boundary in a kept meeting; a kept reply to a deleted message
        UUID oldChat = insertChat(current, host, chatBoundary.minus(DAY), null);
        UUID youngChat = insertChat(current, host, chatBoundary.plus(DAY), null);
        UUID replyToOld = insertChat(current, host, chatBoundary.plus(DAY), oldChat);
        UUID oldChatInYoungMeeting = insertChat(youngEnded, host, chatBoundary.minus(DAY), null);
        // recordings of a kept meeting around their own expires_at, with files in storage
        UUID speaker = insertParticipant(current, host, realNow);
        StoredRecording expired = insertStoredRecording(current, host, speaker, moved.minus(DAY), "ready");
        StoredRecording expiresLater = insertStoredRecording(current, host, speaker, moved.plus(DAY), "ready");
        StoredRecording neverExpires = insertStoredRecording(current, host, speaker, null, "ready");
        StoredRecording stillRecording = insertStoredRecording(current, host, speaker, moved.minus(DAY),
                "recording");

        // at the real time nothing of ours is old enough (they are 30 days short of each boundary)
        clock.set(realNow);
        job.run();
        assertThat(existing("meetings", "meeting_id", oldEnded, youngEnded, oldScheduled, oldCancelled, current))
                .hasSize(5);
        assertThat(existing("chat_messages", "message_id", doomedMeetingChat, oldChat, youngChat, replyToOld,
                oldChatInYoungMeeting)).hasSize(5);
        assertThat(existing("recordings", "recording_id", expired.id(), expiresLater.id(), neverExpires.id(),
                stillRecording.id())).hasSize(4);
        assertThat(storage.size(expired.trackKey())).isPositive();

        clock.set(moved);
        RetentionReport report = job.run();
        System.out.println("RETENTION report: " + report);

        assertThat(existing("meetings", "meeting_id", oldEnded, youngEnded, oldScheduled, oldCancelled, current))
                .containsExactlyInAnyOrder(youngEnded, oldScheduled, oldCancelled, current);
        assertThat(existing("meeting_participants", "participant_id", doomedParticipant, keptParticipant))
                .containsExactly(keptParticipant);
        assertThat(existing("recordings", "recording_id", doomedRecording, keptRecording))
                .containsExactly(keptRecording);
        assertThat(existing("chat_messages", "message_id", doomedMeetingChat, oldChat, youngChat, replyToOld,
                oldChatInYoungMeeting)).containsExactlyInAnyOrder(youngChat, replyToOld);
        assertThat(replyTo(replyToOld)).isNull();
        assertThat(existing("recordings", "recording_id", expired.id(), expiresLater.id(), neverExpires.id(),
                stillRecording.id())).containsExactlyInAnyOrder(expiresLater.id(), neverExpires.id(),
                stillRecording.id());
        assertThat(existing("recording_tracks", "recording_id", expired.id())).isEmpty();
        assertGone(expired.trackKey());
        assertGone(expired.composedKey());
        for (StoredRecording kept : List.of(expiresLater, neverExpires, stillRecording)) {
            assertThat(storage.size(kept.trackKey())).isEqualTo(3);
            assertThat(storage.size(kept.composedKey())).isEqualTo(3);
        }
        assertThat(report.expiredRecordings()).isEqualTo(1);
        assertThat(report.recordingsKept()).isZero();
        // the doomed meeting's recording (seed default status `processing`, no files) goes in the seed's transaction
        // nothing else in the database was old enough: the run deleted exactly these rows
        assertThat(report.meetings()).isEqualTo(1);
        assertThat(report.participants()).isEqualTo(1);
        assertThat(report.recordings()).isEqualTo(1);
        assertThat(report.chatMessages()).isEqualTo(3);
        assertThat(report.repliesUnlinked()).isEqualTo(1);
        assertThat(report.otherDependents().values()).allMatch(n -> n == 0);
        assertThat(report.meetingCutoff()).isEqualTo(meetingBoundary);
        assertThat(report.chatCutoff()).isEqualTo(chatBoundary);

        // a second run finds nothing more
        RetentionReport again = job.run();
        assertThat(again.meetings() + again.chatMessages() + again.participants() + again.recordings()
                + again.expiredRecordings() + again.recordingsKept()).isZero();
    }

    private UUID insertUser() throws SQLException {
        UUID id = UUID.randomUUID();
        String name = "ret-" + id.toString().substring(0, 8);
        exec("INSERT INTO users (user_id, email, username, display_name) VALUES (?, ?, ?, ?)",
                id, name + "@example.test", name, "Retention " + name);
        return id;
    }

    private UUID insertMeeting(UUID host, String status, Instant createdAt) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO meetings (meeting_id, host_user_id, title, meeting_type, status, created_at, join_code) "
                + "VALUES (?, ?, 'Retention', 'instant', ?, ?, ?)", id, host, status, Timestamp.from(createdAt),
                "r" + id.toString().substring(0, 12));
        return id;
    }

    private UUID insertParticipant(UUID meeting, UUID user, Instant joinedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO meeting_participants (participant_id, meeting_id, user_id, display_name, joined_at, "
                + "created_at) VALUES (?, ?, ?, 'P', ?, ?)", id, meeting, user, Timestamp.from(joinedAt),
                Timestamp.from(joinedAt));
        return id;
    }

    private UUID insertRecording(UUID meeting, UUID user) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO recordings (recording_id, meeting_id, recorded_by_user_id, title, storage_provider, "
                + "storage_bucket, storage_key, recording_type) VALUES (?, ?, ?, 'R', 'local', 'b', 'k', 'video')",
                id, meeting, user);
        return id;
    }

    /// A recording row with one per-track file and a composed MP4 in storage (3 bytes each).
    private record StoredRecording(UUID id, String trackKey, String composedKey) {}

    private StoredRecording insertStoredRecording(UUID meeting, UUID user, UUID participant, Instant expiresAt,
            String status) throws SQLException, IOException {
        UUID id = UUID.randomUUID();
        String prefix = "recordings/" + meeting + "/" + id + "/";
        String trackKey = prefix + participant + "-camera-video-1.webm";
        String composedKey = prefix + "composed.mp4";
        storage.put(trackKey, Files.write(Files.createTempFile("ret", ".webm"), new byte[] {1, 2, 3}));
        storage.put(composedKey, Files.write(Files.createTempFile("ret", ".mp4"), new byte[] {4, 5, 6}));
        exec("INSERT INTO recordings (recording_id, meeting_id, recorded_by_user_id, title, storage_provider, "
                + "storage_bucket, storage_key, recording_type, processing_status, expires_at) "
                + "VALUES (?, ?, ?, 'R', ?, ?, ?, 'meeting', ?, ?)", id, meeting, user, storage.provider(),
                storage.bucket(), composedKey, status, expiresAt == null ? null : Timestamp.from(expiresAt));
        exec("INSERT INTO recording_tracks (recording_id, participant_id, track_id, kind, source, segment, codec, "
                + "start_offset_ms, end_offset_ms, frame_count, file_size_bytes, storage_key) "
                + "VALUES (?, ?, 't', 'video', 'camera', 1, 'vp8', 0, 1000, 15, 3, ?)", id, participant, trackKey);
        return new StoredRecording(id, trackKey, composedKey);
    }

    private void assertGone(String key) {
        assertThatThrownBy(() -> storage.size(key)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    private UUID insertChat(UUID meeting, UUID user, Instant createdAt, UUID replyTo) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO chat_messages (message_id, meeting_id, sender_user_id, sender_name, content, "
                + "reply_to_message_id, created_at) VALUES (?, ?, ?, 'S', 'text', ?, ?)", id, meeting, user, replyTo,
                Timestamp.from(createdAt));
        return id;
    }

    private List<UUID> existing(String table, String key, UUID... ids) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT " + key + " FROM " + table + " WHERE " + key
                     + " = ANY (?)")) {
            p.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    private UUID replyTo(UUID messageId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement(
                     "SELECT reply_to_message_id FROM chat_messages WHERE message_id = ?")) {
            p.setObject(1, messageId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
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
}
