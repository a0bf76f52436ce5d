package com.convene.backend.analytics;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/// The analytics keyspace's prepared statements, prepared once per session. Thread-safe.
public final class AnalyticsStatements {

    private final PreparedStatement insertEvent;
    private final PreparedStatement insertEventHourly;
    private final PreparedStatement insertQuality;
    private final PreparedStatement insertUsage;
    private final PreparedStatement selectEvents;
    private final PreparedStatement selectQuality;
    private final PreparedStatement selectUsage;
    private final int eventTtlSeconds;
    private final int metricsTtlSeconds;

    AnalyticsStatements(CqlSession session, CassandraConfig config) {
        String ks = config.keyspace();
        eventTtlSeconds = Math.toIntExact(config.eventTtl().toSeconds());
        metricsTtlSeconds = Math.toIntExact(config.metricsTtl().toSeconds());
        insertEvent = session.prepare("INSERT INTO " + ks + ".meeting_events (meeting_id, event_time, event_id, "
                + "event_type, user_id, user_name, event_data) VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        insertEventHourly = session.prepare("INSERT INTO " + ks + ".meeting_events_hourly (meeting_id, hour_bucket, "
                + "event_time, event_id, event_type, event_data) VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
        insertQuality = session.prepare("INSERT INTO " + ks + ".call_quality_metrics (meeting_id, participant_id, "
                + "metric_time, audio_bitrate, audio_packet_loss, audio_jitter, audio_rtt, video_bitrate, "
                + "video_packet_loss, video_frame_rate, video_resolution, video_rtt, network_type, "
                + "bandwidth_available, cpu_usage, memory_usage) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        insertUsage = session.prepare("INSERT INTO " + ks + ".daily_usage_stats (date, metric_name, dimension_key, "
                + "dimension_value, metric_value) VALUES (?, ?, ?, ?, ?)");
        selectEvents = session.prepare("SELECT event_time, event_id, event_type, user_id, user_name, event_data FROM "
                + ks + ".meeting_events WHERE meeting_id = ? AND event_time >= ? AND event_time < ?");
        selectQuality = session.prepare("SELECT * FROM " + ks + ".call_quality_metrics WHERE meeting_id = ? AND "
                + "participant_id = ? AND metric_time >= ? AND metric_time < ?");
        selectUsage = session.prepare("SELECT metric_name, dimension_key, dimension_value, metric_value FROM " + ks
                + ".daily_usage_stats WHERE date = ?");
    }

    /// Prepares the statements on `session` (whose keyspace `config.keyspace()` is migrated); for tools.
    public static AnalyticsStatements prepare(CqlSession session, CassandraConfig config) {
        return new AnalyticsStatements(session, config);
    }

    /// The `call_quality_metrics` insert of `sample`, with the 30-day TTL; the writer's own statement.
    public BoundStatement bindQuality(QualitySample sample) {
        return bind(sample).getFirst();
    }

    /// The statements that write `row`: two for an event (by meeting, and by meeting and hour), one for a sample.
    List<BoundStatement> bind(AnalyticsRow row) {
        return switch (row) {
            case MeetingEvent e -> List.of(
                    insertEvent.bind(e.meetingId(), e.eventTime(), e.eventId(), e.type().wireName(), e.userId(),
                            e.userName(), e.data(), eventTtlSeconds),
                    insertEventHourly.bind(e.meetingId(), e.eventTime().truncatedTo(ChronoUnit.HOURS), e.eventTime(),
                            e.eventId(), e.type().wireName(), e.data(), eventTtlSeconds));
            case QualitySample q -> List.of(insertQuality.bind(q.meetingId(), q.participantId(), q.metricTime(),
                    q.audioBitrate(), q.audioPacketLoss(), q.audioJitter(), q.audioRtt(), q.videoBitrate(),
                    q.videoPacketLoss(), q.videoFrameRate(), q.videoResolution(), q.videoRtt(), q.networkType(),
                    q.bandwidthAvailable(), q.cpuUsage(), q.memoryUsage(), metricsTtlSeconds));
        };
    }

    BoundStatement insertUsage(java.time.LocalDate date, String metric, String key, String value, long amount) {
        return insertUsage.bind(date, metric, key, value, amount);
    }

    BoundStatement selectEvents(java.util.UUID meetingId, Instant from, Instant to) {
        return selectEvents.bind(meetingId, from, to);
    }

    BoundStatement selectQuality(java.util.UUID meetingId, java.util.UUID participantId, Instant from, Instant to) {
        return selectQuality.bind(meetingId, participantId, from, to);
    }

    BoundStatement selectUsage(java.time.LocalDate date) {
        return selectUsage.bind(date);
    }

    /// TTL of event rows, in seconds.
    int eventTtlSeconds() {
        return eventTtlSeconds;
    }

    static Duration ttl(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
