package com.convene.backend.chat;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;

/// `chat_messages` access (seed 000, 16 hash partitions by `message_id`; `published`, `client_message_id` and
/// `sender_participant_id` from V44). Plain JDBC because the insert is an upsert that must tell a new row from an
/// existing one and publication holds row locks across Redis calls; the `DataSource` is Micronaut's
/// transaction-aware one, hence `@Transactional`. Blocking: call from a virtual or blocking thread.
@Singleton
class ChatRepository {

    private static final String INSERT = """
            INSERT INTO chat_messages (message_id, meeting_id, sender_user_id, sender_name, message_type, content,
              is_private, created_at, updated_at, published, client_message_id, sender_participant_id)
            VALUES (?, ?, ?, ?, 'text', ?, FALSE, ?, ?, FALSE, ?, ?)
            ON CONFLICT (message_id) DO NOTHING""";
    private static final String SELECT = """
            SELECT sender_name, content, created_at FROM chat_messages WHERE message_id = ?""";
    /// Oldest unpublished rows first; rows another node is publishing right now are skipped, not waited for.
    private static final String UNPUBLISHED = """
            SELECT message_id, meeting_id, client_message_id, sender_participant_id, sender_user_id, sender_name,
              content, created_at
            FROM chat_messages WHERE NOT published
            ORDER BY created_at, message_id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED = """
            UPDATE chat_messages SET published = TRUE WHERE message_id = ANY (?)""";

    /// Thrown inside the insert's transaction when its deadline passed before the commit, to roll it back: a
    /// sender told "not saved" must not find the message stored.
    static final class DeadlinePassed extends RuntimeException {
        DeadlinePassed() {
            super("chat insert deadline passed before commit", null, false, false);
        }
    }

    private final DataSource dataSource;

    ChatRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /// Inserts `chats` (one sender's, in sending order) as unpublished in one transaction, each unless its
    /// `message_id` exists (a re-sent message); returns the stored rows in the same order. Committed when this
    /// returns.
    ///
    /// @param deadlineNanos `System.nanoTime()` after which the batch must not commit; the statement timeout is
    ///                      the time left, rounded up to whole seconds (JDBC's unit), at least 1 s
    /// @throws DeadlinePassed when the deadline passed before the commit (rolled back: nothing stored)
    @Transactional
    List<StoredChat> insertOrGet(List<StoredChat> chats, long deadlineNanos) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int timeoutSeconds = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(
                    deadlineNanos - System.nanoTime() + 999_999_999L));
            int[] inserted;
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setQueryTimeout(timeoutSeconds);
                for (StoredChat chat : chats) {
                    Timestamp at = Timestamp.from(chat.createdAt());
                    insert.setObject(1, chat.messageId());
                    insert.setObject(2, chat.meetingId());
                    insert.setObject(3, chat.senderUserId());
                    insert.setString(4, chat.senderName());
                    insert.setString(5, chat.content());
                    insert.setTimestamp(6, at);
                    insert.setTimestamp(7, at);
                    insert.setString(8, chat.clientMessageId());
                    insert.setObject(9, chat.senderParticipantId());
                    insert.addBatch();
                }
                inserted = insert.executeBatch();
            }
            List<StoredChat> stored = new ArrayList<>(chats.size());
            for (int i = 0; i < chats.size(); i++) {
                StoredChat chat = chats.get(i);
                stored.add(inserted[i] == 1 ? chat : find(c, chat.messageId())
                        .map(row -> new StoredChat(chat.messageId(), chat.meetingId(), chat.clientMessageId(),
                                chat.senderParticipantId(), chat.senderUserId(), row.senderName(), row.content(),
                                row.createdAt()))
                        .orElseThrow(() -> new SQLException("chat message vanished after a conflicting insert")));
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlinePassed();
            }
            return stored;
        }
    }

    /// Locks up to `limit` unpublished rows, oldest first, hands them to `publish` one by one until it returns
    /// false, and marks those it accepted as published, all in one transaction: two nodes never publish the same
    /// row at the same time, and a row whose publication failed stays unpublished.
    ///
    /// @param limit rows per call, 1–10,000
    /// @return how many rows were marked published
    @Transactional
    int publishOldest(int limit, Predicate<StoredChat> publish) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<StoredChat> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(UNPUBLISHED)) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(fromRow(rs));
                    }
                }
            }
            List<UUID> published = new ArrayList<>(rows.size());
            for (StoredChat row : rows) {
                if (!publish.test(row)) {
                    break;
                }
                published.add(row.messageId());
            }
            if (!published.isEmpty()) {
                try (PreparedStatement mark = c.prepareStatement(MARK_PUBLISHED)) {
                    mark.setArray(1, c.createArrayOf("uuid", published.toArray()));
                    mark.executeUpdate();
                }
            }
            return published.size();
        }
    }

    private static StoredChat fromRow(ResultSet rs) throws SQLException {
        UUID messageId = rs.getObject(1, UUID.class);
        UUID senderUser = rs.getObject(5, UUID.class);
        String clientMessageId = rs.getString(3);
        UUID senderParticipant = rs.getObject(4, UUID.class);
        // rows are only unpublished since V44, which writes both ids; the fallbacks keep an odd row publishable
        return new StoredChat(messageId, rs.getObject(2, UUID.class),
                clientMessageId == null ? messageId.toString() : clientMessageId,
                senderParticipant == null ? new UUID(0, 0) : senderParticipant,
                senderUser == null ? new UUID(0, 0) : senderUser, rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant().truncatedTo(ChronoUnit.MICROS));
    }

    private record Row(String senderName, String content, java.time.Instant createdAt) {}

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
