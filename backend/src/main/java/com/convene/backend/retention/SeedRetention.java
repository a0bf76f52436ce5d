package com.convene.backend.retention;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Seed 000's PostgreSQL retention, the transactional part of [RetentionJob]:
///
/// ```sql
/// DELETE FROM meetings WHERE created_at < NOW() - INTERVAL '7 years' AND status = 'ended';
/// DELETE FROM chat_messages WHERE created_at < NOW() - INTERVAL '1 year';
/// ```
///
/// adapted to the foreign keys, in one transaction: the doomed meetings are fixed first; then chat (messages older
/// than a year and every message of a doomed meeting; surviving replies to a deleted message lose their
/// `reply_to_message_id`), the doomed meetings' remaining `recordings` and `meeting_participants`, rows of any other
/// table with a foreign key to `meetings(meeting_id)`, and finally the meetings. Cutoffs are computed in UTC like
/// PostgreSQL's `timestamptz - interval` with `TimeZone=UTC`.
///
/// Blocking JDBC. Idempotent, so several nodes may run it. Not final: Micronaut subclasses it for `@Transactional`.
@Singleton
class SeedRetention {

    private static final Logger LOG = LoggerFactory.getLogger(SeedRetention.class);
    /// Seed 000: ended meetings are kept 7 years.
    static final int MEETING_YEARS = 7;
    /// Seed 000: chat messages are kept 1 year.
    static final int CHAT_YEARS = 1;
    private static final Set<String> HANDLED = Set.of("meetings", "meeting_participants", "recordings",
            "chat_messages");

    private final DataSource dataSource;

    SeedRetention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /// Seed 000's cutoff for ended meetings at `now`: now − 7 years, in UTC.
    static Instant meetingCutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusYears(MEETING_YEARS).toInstant();
    }

    /// Deletes what seed 000's retention says, as of `now`.
    ///
    /// @return the counts, with no recording files (`expiredRecordings` 0): those are [RetentionJob]'s
    /// @throws IllegalStateException wrapping the database error; nothing is deleted then (one transaction)
    @Transactional
    RetentionReport run(Instant now) {
        Instant meetingCutoff = meetingCutoff(now);
        Instant chatCutoff = now.atZone(ZoneOffset.UTC).minusYears(CHAT_YEARS).toInstant();
        // the transaction-aware DataSource hands out this transaction's connection; closing it is a no-op
        try (Connection c = dataSource.getConnection()) {
            RetentionReport report = delete(c, meetingCutoff, chatCutoff);
            LOG.debug("Seed retention done: {}", report);
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("retention run failed: " + e.getSQLState(), e);
        }
    }

    private RetentionReport delete(Connection c, Instant meetingCutoff, Instant chatCutoff) throws SQLException {
        try (Statement s = c.createStatement()) {
            // IF NOT EXISTS + TRUNCATE: a caller's transaction may run the job more than once
            s.execute("CREATE TEMP TABLE IF NOT EXISTS retention_meetings (meeting_id UUID PRIMARY KEY) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS retention_chat (message_id UUID PRIMARY KEY) ON COMMIT DROP");
            s.execute("TRUNCATE retention_meetings, retention_chat");
        }
        update(c, "INSERT INTO retention_meetings SELECT meeting_id FROM meetings "
                + "WHERE created_at < ? AND status = 'ended'", meetingCutoff);
        update(c, "INSERT INTO retention_chat SELECT message_id FROM chat_messages "
                + "WHERE created_at < ? OR meeting_id IN (SELECT meeting_id FROM retention_meetings)", chatCutoff);
        int unlinked = update(c, "UPDATE chat_messages SET reply_to_message_id = NULL "
                + "WHERE reply_to_message_id IN (SELECT message_id FROM retention_chat) "
                + "AND message_id NOT IN (SELECT message_id FROM retention_chat)");
        int chat = update(c, "DELETE FROM chat_messages WHERE message_id IN (SELECT message_id FROM retention_chat)");
        int recordings = update(c, "DELETE FROM recordings "
                + "WHERE meeting_id IN (SELECT meeting_id FROM retention_meetings)");
        int participants = update(c, "DELETE FROM meeting_participants "
                + "WHERE meeting_id IN (SELECT meeting_id FROM retention_meetings)");
        Map<String, Integer> others = new LinkedHashMap<>();
        for (String[] fk : otherReferences(c)) {
            int n = update(c, "DELETE FROM " + fk[0] + " WHERE " + fk[1]
                    + " IN (SELECT meeting_id FROM retention_meetings)");
            others.merge(fk[0], n, Integer::sum);
        }
        int meetings = update(c, "DELETE FROM meetings WHERE meeting_id IN (SELECT meeting_id FROM retention_meetings)");
        return new RetentionReport(meetingCutoff, chatCutoff, meetings, participants, recordings, chat, unlinked,
                Map.copyOf(others), 0, 0);
    }

    /// Single-column foreign keys to `meetings(meeting_id)` from tables other than the seed's (added by later
    /// features), as `{table, column}`, quoted for SQL.
    private static List<String[]> otherReferences(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        String sql = """
                SELECT quote_ident(src.relname), quote_ident(att.attname), src.relname
                FROM pg_constraint con
                JOIN pg_class src ON src.oid = con.conrelid
                JOIN pg_class dst ON dst.oid = con.confrelid
                JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
                WHERE con.contype = 'f' AND dst.relname = 'meetings' AND array_length(con.conkey, 1) = 1
                  AND NOT src.relispartition
                  AND src.relnamespace = to_regnamespace(current_schema())""";
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                if (!HANDLED.contains(rs.getString(3))) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static int update(Connection c, String sql, Instant... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setTimestamp(i + 1, Timestamp.from(params[i]));
            }
            return p.executeUpdate();
        }
    }
}
