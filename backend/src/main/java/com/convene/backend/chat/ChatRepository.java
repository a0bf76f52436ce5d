package com.convene.backend.chat;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/// `chat_messages` access (seed 000, 16 hash partitions by `message_id`). Plain JDBC because the insert is an
/// upsert that must tell a new row from an existing one; the `DataSource` is Micronaut's transaction-aware one,
/// hence `@Transactional`. Blocking: call from a virtual or blocking thread.
@Singleton
class ChatRepository {

    private static final String INSERT = """
            INSERT INTO chat_messages (message_id, meeting_id, sender_user_id, sender_name, message_type, content,
              is_private, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'text', ?, FALSE, ?, ?)
            ON CONFLICT (message_id) DO NOTHING""";
    private static final String SELECT = """
            SELECT sender_name, content, created_at FROM chat_messages WHERE message_id = ?""";

    private final DataSource dataSource;

    ChatRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /// Inserts `chat` unless its `message_id` exists (a re-sent message); returns the stored row either way.
    /// Committed when this returns (its own transaction unless the caller has one).
    @Transactional
    StoredChat insertOrGet(StoredChat chat) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                Timestamp at = Timestamp.from(chat.createdAt());
                insert.setObject(1, chat.messageId());
                insert.setObject(2, chat.meetingId());
                insert.setObject(3, chat.senderUserId());
                insert.setString(4, chat.senderName());
                insert.setString(5, chat.content());
                insert.setTimestamp(6, at);
                insert.setTimestamp(7, at);
                if (insert.executeUpdate() == 1) {
                    return chat;
                }
            }
            return find(c, chat.messageId())
                    .map(row -> new StoredChat(chat.messageId(), chat.meetingId(), chat.clientMessageId(),
                            chat.senderParticipantId(), chat.senderUserId(), row.senderName(), row.content(),
                            row.createdAt()))
                    .orElseThrow(() -> new SQLException("chat message vanished after a conflicting insert"));
        }
    }

    private record Row(String senderName, String content, Instant createdAt) {}

    private static Optional<Row> find(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setObject(1, messageId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant().truncatedTo(ChronoUnit.MICROS)));
            }
        }
    }
}
