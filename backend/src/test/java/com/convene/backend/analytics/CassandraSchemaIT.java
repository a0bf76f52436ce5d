package com.convene.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The analytics keyspace on the test run's real Cassandra: the seed 000 tables with their keys, clustering
/// orders and TTLs, and rows going through the buffered writer.
@MicronautTest
class CassandraSchemaIT extends BackendTestSupport {

    @Inject
    CassandraConnector connector;

    @Inject
    AnalyticsWriter writer;

    private CqlSession session() throws InterruptedException {
        assertThat(connector.awaitConnected(Duration.ofSeconds(60))).as("connected to Cassandra").isTrue();
        return connector.session().orElseThrow();
    }

    @Test
    void createsSeedTablesWithKeysClusteringOrdersAndTtls() throws Exception {
        CqlSession s = session();
        Map<String, Integer> ttl = new HashMap<>();
        for (Row row : s.execute("SELECT table_name, default_time_to_live FROM system_schema.tables "
                + "WHERE keyspace_name = 'convene'")) {
            ttl.put(row.getString("table_name"), row.getInt("default_time_to_live"));
        }
        assertThat(ttl).containsEntry("meeting_events", 31_536_000)
                .containsEntry("meeting_events_hourly", 31_536_000)
                .containsEntry("call_quality_metrics", 2_592_000)
                .containsEntry("daily_usage_stats", 0)
                .containsKey("schema_migrations");
        assertThat(columns(s, "meeting_events")).containsExactlyInAnyOrder(
                "meeting_id partition_key 0 none", "event_time clustering 0 desc", "event_id clustering 1 asc",
                "event_type regular -1 none", "user_id regular -1 none", "user_name regular -1 none",
                "event_data regular -1 none");
        assertThat(columns(s, "meeting_events_hourly")).contains(
                "meeting_id partition_key 0 none", "hour_bucket partition_key 1 none", "event_time clustering 0 asc",
                "event_id clustering 1 asc");
        assertThat(columns(s, "call_quality_metrics")).contains(
                "meeting_id partition_key 0 none", "participant_id partition_key 1 none",
                "metric_time clustering 0 desc", "video_resolution regular -1 none", "memory_usage regular -1 none")
                .hasSize(16);
        assertThat(columns(s, "daily_usage_stats")).containsExactlyInAnyOrder(
                "date partition_key 0 none", "metric_name clustering 0 asc", "dimension_key clustering 1 asc",
                "dimension_value clustering 2 asc", "metric_value regular -1 none");
        assertThat(s.execute("SELECT version FROM convene.schema_migrations").all()).hasSize(1);
    }

    @Test
    void writesBufferedEventsToBothEventTablesWithTheSeedTtl() throws Exception {
        CqlSession s = session();
        UUID meeting = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MeetingEvent event = new MeetingEvent(meeting, t, UUID.randomUUID(), MeetingEventType.PARTICIPANT_JOINED,
                UUID.randomUUID(), "Ada", Map.of("participant_id", "p1"));
        assertThat(writer.record(event)).isTrue();
        assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
        Row row = s.execute("SELECT event_type, user_name, event_data, TTL(event_type) AS ttl FROM "
                + "convene.meeting_events WHERE meeting_id = ?", meeting).one();
        assertThat(row).isNotNull();
        assertThat(row.getString("event_type")).isEqualTo("participant_joined");
        assertThat(row.getString("user_name")).isEqualTo("Ada");
        assertThat(row.getMap("event_data", String.class, String.class)).containsEntry("participant_id", "p1");
        assertThat(row.getInt("ttl")).isBetween(31_535_000, 31_536_000);
        Row hourly = s.execute("SELECT event_type FROM convene.meeting_events_hourly WHERE meeting_id = ? AND "
                + "hour_bucket = ?", meeting, t.truncatedTo(ChronoUnit.HOURS)).one();
        assertThat(hourly).isNotNull();
    }

    private static List<String> columns(CqlSession s, String table) {
        return s.execute("SELECT column_name, kind, position, clustering_order FROM system_schema.columns "
                        + "WHERE keyspace_name = 'convene' AND table_name = ?", table).all().stream()
                .map(r -> r.getString("column_name") + " " + r.getString("kind") + " " + r.getInt("position") + " "
                        + r.getString("clustering_order"))
                .toList();
    }
}
