package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.MeetingView;
import com.convene.model.api.Page;
import com.convene.model.api.Problem;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MeetingApiIT extends BackendTestSupport {

    private static final String PLAIN_JSON = """
            {
              "title": "Quarterly planning",
              "description": "Roadmap and budget",
              "scheduledStart": "2031-03-10T09:00:00Z",
              "scheduledEnd": "2031-03-10T10:30:00Z",
              "timeZone": "Europe/Berlin",
              "maxParticipants": 10,
              "requirePassword": true,
              "password": "s3cret-pass",
              "allowChat": false,
              "muteOnEntry": true
            }""";

    @Test
    void adminSchedulesMeetingFromPlainJson() {
        HttpResponse<MeetingView> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings", PLAIN_JSON).contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(adminToken()),
                MeetingView.class);

        assertThat(response.code()).isEqualTo(HttpStatus.CREATED.getCode());
        MeetingView meeting = response.body();
        assertThat(response.header("Location")).isEqualTo("/api/v1/meetings/" + meeting.id());
        assertThat(meeting.title()).isEqualTo("Quarterly planning");
        assertThat(meeting.status()).isEqualTo("scheduled");
        assertThat(meeting.meetingType()).isEqualTo("scheduled");
        assertThat(meeting.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(meeting.scheduledStart()).hasToString("2031-03-10T09:00:00Z");
        assertThat(meeting.requirePassword()).isTrue();
        assertThat(meeting.allowChat()).isFalse();
        assertThat(meeting.waitingRoomEnabled()).isTrue();
        assertThat(meeting.muteOnEntry()).isTrue();
        assertThat(meeting.maxParticipants()).isEqualTo(10);
        assertThat(meeting.joinCode()).matches("[a-z]{3}-[a-z]{4}-[a-z]{3}");
        assertThat(meeting.joinLink()).isEqualTo("convene://join/" + meeting.joinCode());
        assertThat(meeting.joinUrl()).isEqualTo("https://meet.example.test/j/" + meeting.joinCode());
        assertThat(response.getBody(String.class).orElse("")).doesNotContain("argon2");
    }

    @Test
    void returnsInvalidTimeRangeProblemWhenEndBeforeStart() {
        String json = """
                {"title": "Backwards", "scheduledStart": "2031-03-10T10:00:00Z", "scheduledEnd": "2031-03-10T09:00:00Z"}""";
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings", json).contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(adminToken())));

        assertThat(response.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        Problem problem = problem(response);
        assertThat(problem.type()).isEqualTo("urn:convene:problem:invalid-time-range");
        assertThat(problem.status()).isEqualTo(400);
    }

    @Test
    void returnsValidationProblemWithFieldErrors() {
        String json = """
                {"title": " ", "timeZone": "Mars/Olympus", "maxParticipants": 1, "requirePassword": true}""";
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings", json).contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(adminToken())));

        Problem problem = problem(response);
        assertThat(problem.type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem.errors()).extracting("field")
                .containsExactlyInAnyOrder("title", "timeZone", "maxParticipants", "password");
    }

    @Test
    void returnsUnauthorizedProblemWithoutToken() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings", PLAIN_JSON).contentType(MediaType.APPLICATION_JSON)));

        assertThat(response.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:unauthorized");
        assertThat(response.getBody(String.class).orElse("")).doesNotContain("Exception");
    }

    @Test
    void returnsUnauthorizedProblemForForgedToken() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/meetings").bearerAuth("eyJhbGciOiJIUzI1NiJ9.e30.forged")));

        assertThat(response.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:unauthorized");
    }

    @Test
    void returnsForbiddenProblemWhenMemberCancelsSomeoneElsesMeeting() {
        MeetingView meeting = schedule(adminToken(), "Admin's meeting");
        String member = newMemberToken();

        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/cancel", "").bearerAuth(member)));

        assertThat(response.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:forbidden");
        HttpResponse<?> delete = expectError(() -> client.toBlocking().exchange(
                HttpRequest.DELETE("/api/v1/meetings/" + meeting.id()).bearerAuth(member)));
        assertThat(delete.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }

    @Test
    void hostCancelsOwnMeetingAndItCanNoLongerBeJoined() {
        String member = newMemberToken();
        MeetingView meeting = schedule(member, "Member's meeting");

        MeetingView cancelled = client.toBlocking().retrieve(
                HttpRequest.DELETE("/api/v1/meetings/" + meeting.id()).bearerAuth(member), MeetingView.class);

        assertThat(cancelled.status()).isEqualTo("cancelled");
        MeetingView again = client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/cancel", "").bearerAuth(adminToken()),
                MeetingView.class);
        assertThat(again.status()).isEqualTo("cancelled");
    }

    @Test
    void findsMeetingByCodeInAnySpelling() {
        String token = newMemberToken();
        MeetingView meeting = schedule(token, "Code lookup");
        String typed = meeting.joinCode().replace("-", " ").toUpperCase(Locale.ROOT);

        MeetingView found = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings/by-code/" + typed.replace(" ", "")).bearerAuth(token),
                MeetingView.class);
        MeetingView byId = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings/" + meeting.id()).bearerAuth(token), MeetingView.class);

        assertThat(found.id()).isEqualTo(meeting.id());
        assertThat(byId.joinCode()).isEqualTo(meeting.joinCode());
    }

    @Test
    void returnsNotFoundProblemForUnknownCodeAndRoute() {
        String token = newMemberToken();
        HttpResponse<?> unknownCode = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/meetings/by-code/zzz-zzzz-zzz").bearerAuth(token)));
        HttpResponse<?> unknownRoute = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/nothing-here").bearerAuth(token)));

        assertThat(problem(unknownCode).type()).isEqualTo("urn:convene:problem:not-found");
        assertThat(unknownRoute.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(problem(unknownRoute).type()).isEqualTo("urn:convene:problem:not-found");
    }

    @Test
    void returnsBadRequestProblemForMalformedJson() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/meetings", "{\"title\": ").contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(adminToken())));

        assertThat(response.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:bad-request");
    }

    @Test
    void listsOnlyOwnMeetingsForMemberInStartOrderWithCursorPaging() {
        String member = newMemberToken();
        String later = """
                {"title": "Later", "scheduledStart": "2032-01-02T10:00:00Z", "scheduledEnd": "2032-01-02T11:00:00Z"}""";
        String sooner = """
                {"title": "Sooner", "scheduledStart": "2032-01-01T10:00:00Z", "scheduledEnd": "2032-01-01T11:00:00Z"}""";
        post(member, later);
        post(member, sooner);
        schedule(adminToken(), "Not mine");

        @SuppressWarnings({"unchecked", "rawtypes"})
        Argument<Page<MeetingView>> page = (Argument) Argument.of(Page.class, MeetingView.class);
        Page<MeetingView> mine = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings").bearerAuth(member), page);
        Page<MeetingView> filtered = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings?from=2032-01-02T00:00:00Z&to=2032-01-03T00:00:00Z").bearerAuth(member),
                page);
        Page<MeetingView> first = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings?limit=1").bearerAuth(member), page);
        Page<MeetingView> second = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/meetings?limit=1&cursor=" + first.nextCursor()).bearerAuth(member), page);

        assertThat(mine.items()).extracting(MeetingView::title).containsExactly("Sooner", "Later");
        assertThat(mine.nextCursor()).isNull();
        assertThat(filtered.items()).extracting(MeetingView::title).containsExactly("Later");
        assertThat(first.items()).extracting(MeetingView::title).containsExactly("Sooner");
        assertThat(second.items()).extracting(MeetingView::title).containsExactly("Later");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void legacyCreateAliasSchedulesMeeting() {
        HttpResponse<MeetingView> response = client.toBlocking().exchange(
                HttpRequest.POST("/meetings/create", "{\"title\": \"Seed 002 style\"}")
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(newMemberToken()),
                MeetingView.class);

        assertThat(response.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(response.body().meetingType()).isEqualTo("instant");
        assertThat(response.header("Location")).startsWith("/api/v1/meetings/");
    }

    private MeetingView schedule(String token, String title) {
        return post(token, "{\"title\": \"" + title + "\", \"scheduledStart\": \"2031-05-01T08:00:00Z\"}");
    }

    private MeetingView post(String token, String json) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", json)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(token), MeetingView.class);
    }
}
