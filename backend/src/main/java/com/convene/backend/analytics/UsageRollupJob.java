package com.convene.backend.analytics;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Rolls one UTC day of `meeting_participants` up into Cassandra's `daily_usage_stats` (seed 000 "Usage
/// Analytics"). For every dimension — `all` (value `all`), `region`, `device_type` and `user_id` (`guest` for
/// rows without a user) — it writes three metrics:
///
/// | metric_name | meaning |
/// |---|---|
/// | `total_meetings` | distinct meetings with at least one join that day |
/// | `total_participants` | joins that day (a rejoin counts again) |
/// | `meeting_duration_minutes` | participant-minutes of those joins, `left_at − joined_at` rounded, open joins counted up to now or the day's end |
///
/// A join belongs to the UTC day of its `joined_at`. `region` and `device_type` are what the backend recorded at
/// join time (V11, decision 026), `unknown` when absent. Rows are upserts, so re-running a day replaces its figures;
/// the daily schedule (`convene.analytics.rollup-cron`, default 00:15) recomputes the last `rollup-days-back` days.
///
/// Blocking (JDBC, synchronous Cassandra); runs on the scheduler's thread.
@Singleton
public class UsageRollupJob {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRollupJob.class);
    /// The metrics written per dimension value.
    public static final List<String> METRICS = List.of("total_meetings", "total_participants",
            "meeting_duration_minutes");
    /// The dimension keys written.
    public static final List<String> DIMENSIONS = List.of("all", "region", "device_type", "user_id");

    private final DataSource dataSource;
    private final CassandraConnector cassandra;
    private final AnalyticsConfig config;
    private final Clock clock;

    UsageRollupJob(DataSource dataSource, CassandraConnector cassandra, AnalyticsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.cassandra = cassandra;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${convene.analytics.rollup-cron:0 15 0 * * *}")
    void scheduled() {
        if (!config.rollupEnabled()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int back = config.rollupDaysBack(); back >= 1; back--) {
            try {
                rollUp(today.minusDays(back));
            } catch (RuntimeException e) {
                LOG.error("Usage roll-up failed day={}; the next run recomputes it", today.minusDays(back), e);
            }
        }
    }

    /// Computes and writes `day`'s figures; returns the rows written as `metric/dimension_key/dimension_value` to
    /// value.
    ///
    /// @throws IllegalStateException when PostgreSQL fails or Cassandra is not connected or refuses the write
    public Map<String, Long> rollUp(LocalDate day) {
        Map<String, Long> figures = compute(day);
        CqlSession session = cassandra.session()
                .orElseThrow(() -> new IllegalStateException("Cassandra is not connected"));
        AnalyticsStatements statements = cassandra.statements().orElseThrow();
        List<BoundStatement> rows = new ArrayList<>();
        figures.forEach((key, value) -> {
            String[] parts = key.split("/", 3);
            rows.add(statements.insertUsage(day, parts[0], parts[1], parts[2], value));
        });
        // one partition (the day): an unlogged batch per 100 rows is a single-partition write
        for (int i = 0; i < rows.size(); i += 100) {
            session.execute(BatchStatement.newInstance(BatchType.UNLOGGED)
                    .addAll(rows.subList(i, Math.min(rows.size(), i + 100))));
        }
        LOG.info("Usage rolled up day={} rows={}", day, rows.size());
        return figures;
    }

    private record Join(UUID meetingId, String user, String deviceType, String region, long minutes) {}

    @Transactional
    Map<String, Long> compute(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        Instant now = clock.instant();
        Instant openUntil = now.isBefore(end) ? now : end;
        List<Join> joins = new ArrayList<>();
        String sql = """
                SELECT meeting_id, user_id, COALESCE(device_type, 'unknown'), COALESCE(region, 'unknown'),
                  joined_at, left_at
                FROM meeting_participants WHERE joined_at >= ? AND joined_at < ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setTimestamp(1, Timestamp.from(start));
            p.setTimestamp(2, Timestamp.from(end));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    UUID user = rs.getObject(2, UUID.class);
                    Instant joined = rs.getTimestamp(5).toInstant();
                    Timestamp left = rs.getTimestamp(6);
                    Instant until = left != null ? left.toInstant() : openUntil;
                    long minutes = Math.max(0, Math.round(Duration.between(joined, until).toSeconds() / 60.0));
                    joins.add(new Join(rs.getObject(1, UUID.class), user == null ? "guest" : user.toString(),
                            rs.getString(3), rs.getString(4), minutes));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("usage roll-up query failed: " + e.getSQLState(), e);
        }
        Map<String, Set<UUID>> meetings = new HashMap<>();
        Map<String, Long> figures = new java.util.TreeMap<>();
        for (Join j : joins) {
            for (String[] dim : new String[][] {{"all", "all"}, {"region", j.region()},
                    {"device_type", j.deviceType()}, {"user_id", j.user()}}) {
                String suffix = dim[0] + "/" + dim[1];
                meetings.computeIfAbsent(suffix, k -> new HashSet<>()).add(j.meetingId());
                figures.merge("total_participants/" + suffix, 1L, Long::sum);
                figures.merge("meeting_duration_minutes/" + suffix, j.minutes(), Long::sum);
            }
        }
        meetings.forEach((suffix, ids) -> figures.put("total_meetings/" + suffix, (long) ids.size()));
        return figures;
    }
}
