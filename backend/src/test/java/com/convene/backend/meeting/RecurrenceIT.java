package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.MeetingView;
import com.convene.model.api.OccurrenceView;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/// Acceptance b: a weekly series in `Europe/Berlin` across the 2027 spring DST change (Sunday 28 March), with one
/// occurrence cancelled, lists the right dates; its `.ics` parses with ical4j, carries the join link, the RRULE
/// and the EXDATE, and ical4j's own expansion of it agrees with the API.
@MicronautTest(transactional = false)
class RecurrenceIT extends BackendTestSupport {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeklySeriesKeepsLocalTimeAcrossDstAndSkipsTheCancelledOccurrence() throws Exception {
        String host = newMemberToken();
        // Mondays 09:00-09:30 Berlin time, six times, from 15 March 2027 (CET, UTC+1)
        MeetingView series = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", """
                {"title": "Weekly sync", "timeZone": "Europe/Berlin",
                 "scheduledStart": "2027-03-15T08:00:00Z", "scheduledEnd": "2027-03-15T08:30:00Z",
                 "recurrenceRule": "FREQ=WEEKLY;BYDAY=MO;COUNT=6"}""").contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(host), MeetingView.class);
        assertThat(series.meetingType()).isEqualTo("recurring");
        assertThat(series.recurrenceRule()).contains("FREQ=WEEKLY").contains("BYDAY=MO").contains("COUNT=6");

        // cancel the Monday right after the DST change: 29 March 09:00 CEST = 07:00Z
        OccurrenceView cancelled = client.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/meetings/" + series.id() + "/occurrences/2027-03-29T07:00:00Z/cancel", "").bearerAuth(host),
                OccurrenceView.class);
        assertThat(cancelled.status()).isEqualTo("cancelled");

        List<OccurrenceView> occurrences = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings/"
                + series.id() + "/occurrences?from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z").bearerAuth(host),
                Argument.listOf(OccurrenceView.class));

        assertThat(occurrences).extracting(OccurrenceView::start).containsExactly(
                Instant.parse("2027-03-15T08:00:00Z"),  // CET
                Instant.parse("2027-03-22T08:00:00Z"),  // CET
                Instant.parse("2027-03-29T07:00:00Z"),  // CEST from 28 March: same 09:00 local
                Instant.parse("2027-04-05T07:00:00Z"),
                Instant.parse("2027-04-12T07:00:00Z"),
                Instant.parse("2027-04-19T07:00:00Z"));
        assertThat(occurrences).extracting(o -> o.start().atZone(BERLIN).toLocalTime().toString())
                .containsOnly("09:00");
        assertThat(occurrences).extracting(OccurrenceView::status).containsExactly(
                "scheduled", "scheduled", "cancelled", "scheduled", "scheduled", "scheduled");
        assertThat(occurrences.get(3).end()).isEqualTo(Instant.parse("2027-04-05T07:30:00Z"));

        // a start that is not an occurrence is refused
        HttpResponse<?> notOne = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/meetings/" + series.id() + "/occurrences/2027-03-30T07:00:00Z/cancel", "").bearerAuth(host)));
        assertThat(problem(notOne).type()).isEqualTo("urn:convene:problem:not-found");

        HttpResponse<String> ics = client.toBlocking().exchange(HttpRequest.GET("/api/v1/meetings/" + series.id()
                + "/calendar.ics").bearerAuth(host), String.class);
        assertThat(ics.getContentType().map(MediaType::getName)).hasValue("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo("Weekly sync");
        assertThat(event.getUrl().getValue()).isEqualTo(series.joinUrl());
        assertThat(event.getLocation().getValue()).isEqualTo(series.joinUrl());
        assertThat(event.getDescription().getValue()).contains(series.joinUrl(), series.joinLink());
        assertThat(event.getProperty("RRULE")).isPresent();
        assertThat(event.getProperty("EXDATE")).isPresent();
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();
        // ical4j's own expansion of the downloaded file (RRULE minus EXDATE) gives the scheduled dates
        List<Instant> fromIcs = event.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                        ZonedDateTime.parse("2027-03-01T00:00:00+01:00[Europe/Berlin]"),
                        ZonedDateTime.parse("2027-05-01T00:00:00+02:00[Europe/Berlin]")))
                .stream().map(p -> p.getStart().toInstant()).sorted().toList();
        assertThat(fromIcs).as(ics.body()).containsExactlyElementsOf(occurrences.stream()
                .filter(o -> o.status().equals("scheduled")).map(OccurrenceView::start).toList());
    }

    @Test
    void oneOffMeetingDownloadsAsIcsWithTheJoinLink() throws Exception {
        String host = newMemberToken();
        MeetingView meeting = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", """
                {"title": "Board review", "timeZone": "Europe/Berlin", "description": "Q3 numbers",
                 "scheduledStart": "2027-07-01T12:00:00Z", "scheduledEnd": "2027-07-01T13:00:00Z"}""")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host), MeetingView.class);

        String ics = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings/" + meeting.id()
                + "/calendar.ics").bearerAuth(host), String.class);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();

        assertThat(event.getUid().map(u -> u.getValue())).hasValue(meeting.id() + "@convene");
        assertThat(event.getUrl().getValue()).isEqualTo(meeting.joinUrl());
        assertThat(event.getDescription().getValue()).startsWith("Q3 numbers").contains(meeting.joinUrl());
        assertThat(event.<ZonedDateTime>getDateTimeStart().getDate().toInstant())
                .isEqualTo(Instant.parse("2027-07-01T12:00:00Z"));
        assertThat(event.getProperty("RRULE")).isEqualTo(Optional.empty());
    }

    @Test
    void refusesUnsupportedOrMalformedRules() {
        String host = newMemberToken();
        for (String rule : List.of("FREQ=HOURLY;COUNT=3", "FREQ=WEEKLY;BYDAY=XX", "not a rule")) {
            HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                    "/api/v1/meetings", """
                    {"title": "Bad", "scheduledStart": "2027-03-15T08:00:00Z", "recurrenceRule": "%s"}"""
                            .formatted(rule)).contentType(MediaType.APPLICATION_JSON).bearerAuth(host)));
            assertThat(problem(response).type()).as(rule).isEqualTo("urn:convene:problem:validation");
            assertThat(problem(response).errors()).as(rule).extracting("field").containsExactly("recurrenceRule");
        }
    }
}
