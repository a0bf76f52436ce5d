package com.convene.backend.analytics;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.AnalyticsPage;
import com.convene.model.api.MeetingEventView;
import com.convene.model.api.QualitySampleView;
import com.convene.model.api.UsageView;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/// Reads the analytics tables for the admin REST API, one page at a time. A page's `nextCursor` is the driver's
/// paging state ([PagingState], which the driver checks belongs to the same statement), base64url-encoded; for
/// usage over several days it is prefixed with the day it continues. Cursors are opaque to clients.
///
/// Blocking (synchronous Cassandra): call from a blocking executor. Thread-safe.
@Singleton
public class AnalyticsQueryService {

    private final CassandraConnector cassandra;
    private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    AnalyticsQueryService(CassandraConnector cassandra) {
        this.cassandra = cassandra;
    }

    /// A meeting's events in time order (oldest first).
    public AnalyticsPage<MeetingEventView> events(UUID meetingId, int limit, @Nullable String cursor) {
        BoundStatement statement = prepare("SELECT event_time, event_id, event_type, user_id, user_name, event_data "
                + "FROM %s.meeting_events WHERE meeting_id = ? ORDER BY event_time ASC, event_id DESC").bind(meetingId);
        return page(statement, limit, cursor, r -> new MeetingEventView(r.getInstant("event_time"),
                r.getUuid("event_id"), r.getString("event_type"), r.getUuid("user_id"), r.getString("user_name"),
                r.getMap("event_data", String.class, String.class)));
    }

    /// A participant's quality samples in `[from, to)`, oldest first; a cursor carries its own range, so `from` and
    /// `to` are ignored when one is given.
    public AnalyticsPage<QualitySampleView> quality(UUID meetingId, UUID participantId, Instant from, Instant to,
                                                    int limit, @Nullable String cursor) {
        // the range is part of the cursor: a default "to = now" would otherwise change between pages
        Instant start = from;
        Instant end = to;
        String state = null;
        if (cursor != null) {
            String[] parts = decode(cursor).split("\\|", 3);
            try {
                start = Instant.ofEpochMilli(Long.parseLong(parts[0]));
                end = Instant.ofEpochMilli(Long.parseLong(parts[1]));
                state = parts[2];
            } catch (RuntimeException e) {
                throw badCursor();
            }
        }
        BoundStatement statement = prepare("SELECT * FROM %s.call_quality_metrics WHERE meeting_id = ? "
                + "AND participant_id = ? AND metric_time >= ? AND metric_time < ? ORDER BY metric_time ASC")
                .bind(meetingId, participantId, start, end);
        AnalyticsPage<QualitySampleView> page = page(statement, limit, state == null ? null : encode(state),
                r -> new QualitySampleView(r.getInstant("metric_time"),
                boxedInt(r, "audio_bitrate"), boxedFloat(r, "audio_packet_loss"), boxedFloat(r, "audio_jitter"),
                boxedInt(r, "audio_rtt"), boxedInt(r, "video_bitrate"), boxedFloat(r, "video_packet_loss"),
                boxedFloat(r, "video_frame_rate"), r.getString("video_resolution"), boxedInt(r, "video_rtt"),
                r.getString("network_type"), boxedInt(r, "bandwidth_available"), boxedFloat(r, "cpu_usage"),
                boxedInt(r, "memory_usage")));
        return page.nextCursor() == null ? page : new AnalyticsPage<>(page.items(),
                encode(start.toEpochMilli() + "|" + end.toEpochMilli() + "|" + decode(page.nextCursor())));
    }

    /// Usage by `dimension` for each day of `[from, to]`, day by day, then metric and value.
    public AnalyticsPage<UsageView> usage(LocalDate from, LocalDate to, String dimension, int limit,
                                          @Nullable String cursor) {
        PreparedStatement statement = prepare("SELECT date, metric_name, dimension_key, dimension_value, metric_value "
                + "FROM %s.daily_usage_stats WHERE date = ? AND metric_name IN ('total_meetings', "
                + "'total_participants', 'meeting_duration_minutes') AND dimension_key = ?");
        LocalDate day = from;
        String state = null;
        if (cursor != null) {
            String decoded = decode(cursor);
            int bar = decoded.indexOf('|');
            try {
                day = LocalDate.parse(bar < 0 ? decoded : decoded.substring(0, bar));
            } catch (DateTimeParseException e) {
                throw badCursor();
            }
            state = bar < 0 || bar == decoded.length() - 1 ? null : decoded.substring(bar + 1);
            if (day.isBefore(from) || day.isAfter(to)) {
                throw badCursor();
            }
        }
        List<UsageView> items = new ArrayList<>();
        while (!day.isAfter(to) && items.size() < limit) {
            BoundStatement bound = statement.bind(day, dimension);
            AnalyticsPage<UsageView> part = page(bound, limit - items.size(),
                    state == null ? null : encode(state), r -> new UsageView(r.getLocalDate("date"),
                            r.getString("metric_name"), r.getString("dimension_key"), r.getString("dimension_value"),
                            r.getLong("metric_value")));
            items.addAll(part.items());
            if (part.nextCursor() != null) {
                return new AnalyticsPage<>(items, encode(day + "|" + decode(part.nextCursor())));
            }
            day = day.plusDays(1);
            state = null;
        }
        return new AnalyticsPage<>(items, day.isAfter(to) ? null : encode(day.toString()));
    }

    private <T> AnalyticsPage<T> page(BoundStatement statement, int limit, @Nullable String cursor,
                                      Function<Row, T> map) {
        CqlSession session = session();
        BoundStatement paged = statement.setPageSize(limit);
        if (cursor != null) {
            try {
                paged = paged.setPagingState(PagingState.fromString(decode(cursor)), session);
            } catch (IllegalArgumentException e) {
                throw badCursor();
            }
        }
        ResultSet rs;
        try {
            rs = session.execute(paged);
        } catch (DriverException e) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "Analytics are unavailable right now; try again later.", List.of(), e);
        }
        List<T> items = new ArrayList<>(limit);
        java.util.Iterator<Row> rows = rs.iterator();
        for (int i = rs.getAvailableWithoutFetching(); i > 0; i--) {
            items.add(map.apply(rows.next()));
        }
        PagingState next = rs.getExecutionInfo().getSafePagingState();
        return new AnalyticsPage<>(items, next == null ? null : encode(next.toString()));
    }

    private PreparedStatement prepare(String template) {
        CqlSession session = session();
        String cql = String.format(template, cassandra.config().keyspace());
        return prepared.computeIfAbsent(cql, session::prepare);
    }

    private CqlSession session() {
        return cassandra.session().orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Analytics are unavailable right now; try again later."));
    }

    private static @Nullable Integer boxedInt(Row r, String column) {
        return r.isNull(column) ? null : r.getInt(column);
    }

    private static @Nullable Float boxedFloat(Row r, String column) {
        return r.isNull(column) ? null : r.getFloat(column);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static ProblemException badCursor() {
        return new ProblemException(ProblemType.BAD_REQUEST, "The cursor is not one this listing returned.");
    }
}
