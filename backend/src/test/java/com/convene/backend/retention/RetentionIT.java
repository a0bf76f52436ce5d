package com.convene.backend.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
@MicronautTest(environments = MutableClock.ENV)
class RetentionIT extends BackendTestSupport {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject DataSource dataSource;
    @Inject MutableClock clock;
    @Inject RetentionJob job;

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

        // at the real time nothing of ours is old enough (they are 30 days short of each boundary)
        clock.set(realNow);
        job.run();
        assertThat(existing("meetings", "meeting_id", oldEnded, youngEnded, oldScheduled, oldCancelled, current))
                .hasSize(5);
        assertThat(existing("chat_messages", "message_id", doomedMeetingChat, oldChat, youngChat, replyToOld,
                oldChatInYoungMeeting)).hasSize(5);

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
        assertThat(again.meetings() + again.chatMessages() + again.participants() + again.recordings()).isZero();
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
