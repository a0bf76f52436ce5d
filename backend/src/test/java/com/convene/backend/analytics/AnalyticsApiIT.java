package com.convene.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.AnalyticsPage;
import com.convene.model.api.MeetingEventView;
import com.convene.model.api.QualitySampleView;
import com.convene.model.api.UsageView;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// The daily usage roll-up into `daily_usage_stats` and the admin analytics REST API over the real PostgreSQL and
/// Cassandra: figures per dimension for a day with known joins, each listing walked page by page through its
/// opaque cursor, and members refused with problem+json 403.
@MicronautTest
class AnalyticsApiIT extends BackendTestSupport {

    private static final LocalDate DAY = LocalDate.of(2020, 3, 10);

    @Inject DataSource dataSource;
    @Inject CassandraConnector cassandra;
    @Inject AnalyticsWriter writer;
    @Inject UsageRollupJob rollup;

    @BeforeAll
    void cassandraUp() throws InterruptedException {
        assertThat(cassandra.awaitConnected(Duration.ofSeconds(90))).isTrue();
    }

    @Test
    void rollsUpADayByRegionDeviceTypeAndUser() throws Exception {
        UUID ada = insertUser();
        UUID bo = insertUser();
        UUID m1 = insertMeeting(ada);
        UUID m2 = insertMeeting(ada);
        Instant t = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
        insertJoin(m1, ada, t, t.plus(Duration.ofMinutes(30)), "desktop", "eu-west");
        insertJoin(m1, bo, t, t.plus(Duration.ofMinutes(20)), "bot", "eu-west");
        insertJoin(m2, ada, t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(3)), "desktop", "us-east");
        insertJoin(m2, null, t.plus(Duration.ofHours(2)), t.plus(Duration.ofMinutes(125)), "desktop", "us-east");
        // the next day does not count
        insertJoin(m2, bo, t.plus(Duration.ofDays(1)), t.plus(Duration.ofDays(1)).plusSeconds(600), "bot", "eu-west");

        Map<String, Long> figures = rollup.rollUp(DAY);
        assertThat(figures).containsEntry("total_meetings/all/all", 2L)
                .containsEntry("total_participants/all/all", 4L)
                .containsEntry("meeting_duration_minutes/all/all", 30L + 20 + 60 + 5)
                .containsEntry("total_meetings/region/eu-west", 1L)
                .containsEntry("total_participants/region/us-east", 2L)
                .containsEntry("total_participants/device_type/desktop", 3L)
                .containsEntry("meeting_duration_minutes/device_type/bot", 20L)
                .containsEntry("total_meetings/user_id/" + ada, 2L)
                .containsEntry("meeting_duration_minutes/user_id/" + ada, 90L)
                .containsEntry("total_participants/user_id/guest", 1L);
        System.out.println("ROLLUP " + DAY + ": " + figures.size() + " rows, " + figures);

        String token = adminToken();
        List<UsageView> regions = walk("/api/v1/analytics/usage?from=" + DAY + "&to=" + DAY.plusDays(1)
                + "&dimension=region&limit=2", token, new TypeReference<AnalyticsPage<UsageView>>() {});
        assertThat(regions).extracting(u -> u.metric() + "/" + u.dimensionValue() + "=" + u.value())
                .containsExactlyInAnyOrder("total_meetings/eu-west=1", "total_meetings/us-east=1",
                        "total_participants/eu-west=2", "total_participants/us-east=2",
                        "meeting_duration_minutes/eu-west=50", "meeting_duration_minutes/us-east=65");
        assertThat(regions).allMatch(u -> u.date().equals(DAY) && u.dimensionKey().equals("region"));
    }

    @Test
    void pagesAMeetingsTimelineAndAParticipantsQualityInTimeOrder() throws Exception {
        UUID meeting = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-01-15T10:00:00Z");
        MeetingEventType[] types = {MeetingEventType.PARTICIPANT_JOINED, MeetingEventType.AUDIO_MUTED,
                MeetingEventType.CHAT_MESSAGE, MeetingEventType.AUDIO_UNMUTED, MeetingEventType.PARTICIPANT_LEFT};
        for (int i = 0; i < types.length; i++) {
            writer.record(new MeetingEvent(meeting, t0.plusSeconds(i), UUID.randomUUID(), types[i], null, "Ada",
                    Map.of("participant_id", participant.toString())));
        }
        for (int i = 0; i < 7; i++) {
            writer.record(new QualitySample(meeting, participant, Instant.now().minusSeconds(60 - 5L * i),
                    32_000 + i, 0.01f, 3f, 12, 800_000, 0f, 30f, "640x360", 14, "wired", 2_000_000, 0.2f, 300));
        }
        assertThat(writer.awaitFlushed(Duration.ofSeconds(30))).isTrue();
        String token = adminToken();

        List<MeetingEventView> events = walk("/api/v1/analytics/meetings/" + meeting + "/events?limit=2", token,
                new TypeReference<AnalyticsPage<MeetingEventView>>() {});
        assertThat(events).extracting(MeetingEventView::eventType).containsExactly("participant_joined",
                "audio_muted", "chat_message", "audio_unmuted", "participant_left");
        assertThat(events).extracting(MeetingEventView::eventTime).isSorted();

        List<QualitySampleView> quality = walk("/api/v1/analytics/meetings/" + meeting + "/participants/"
                + participant + "/quality?limit=3", token, new TypeReference<AnalyticsPage<QualitySampleView>>() {});
        assertThat(quality).extracting(QualitySampleView::audioBitrate)
                .containsExactly(32_000, 32_001, 32_002, 32_003, 32_004, 32_005, 32_006);
        assertThat(quality.getFirst().videoResolution()).isEqualTo("640x360");
    }

    @Test
    void refusesMembersBadCursorsAndBadParameters() {
        String member = newMemberToken();
        UUID meeting = UUID.randomUUID();
        HttpResponse<?> forbidden = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/analytics/meetings/" + meeting + "/events").bearerAuth(member)));
        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(problem(forbidden).type().toString()).isEqualTo("urn:convene:problem:forbidden");
        assertThat(expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/analytics/usage").bearerAuth(member))).code()).isEqualTo(403);

        String admin = adminToken();
        HttpResponse<?> badCursor = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/analytics/meetings/" + meeting + "/events?cursor=bm9wZQ").bearerAuth(admin)));
        assertThat(problem(badCursor).type().toString()).isEqualTo("urn:convene:problem:bad-request");
        HttpResponse<?> badDimension = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/analytics/usage?dimension=planet").bearerAuth(admin)));
        assertThat(problem(badDimension).type().toString()).isEqualTo("urn:convene:problem:validation");
        HttpResponse<?> badLimit = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/analytics/meetings/" + meeting + "/events?limit=0").bearerAuth(admin)));
        assertThat(badLimit.code()).isEqualTo(400);
    }

    private <T> List<T> walk(String firstUri, String token, TypeReference<AnalyticsPage<T>> type) throws Exception {
        List<T> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = cursor == null ? firstUri : firstUri + "&cursor=" + cursor;
            String body = client.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token));
            AnalyticsPage<T> page = objectMapper.readValue(body, type);
            all.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(++pages).isLessThan(50);
        } while (cursor != null);
        assertThat(pages).as("paged").isGreaterThan(1);
        return all;
    }

    private UUID insertUser() throws Exception {
        UUID id = UUID.randomUUID();
        String name = "an-" + id.toString().substring(0, 8);
        exec("INSERT INTO users (user_id, email, username, display_name) VALUES (?, ?, ?, ?)", id,
                name + "@example.test", name, name);
        return id;
    }

    private UUID insertMeeting(UUID host) throws Exception {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO meetings (meeting_id, host_user_id, title, meeting_type, status, join_code) "
                + "VALUES (?, ?, 'Usage', 'instant', 'ended', ?)", id, host, "u" + id.toString().substring(0, 12));
        return id;
    }

    private void insertJoin(UUID meeting, UUID user, Instant joined, Instant left, String device, String region)
            throws Exception {
        exec("INSERT INTO meeting_participants (participant_id, meeting_id, user_id, display_name, joined_at, left_at, "
                + "device_type, region, status) VALUES (?, ?, ?, 'P', ?, ?, ?, ?, 'left')", UUID.randomUUID(), meeting,
                user, Timestamp.from(joined), Timestamp.from(left), device, region);
    }

    private void exec(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }
}
