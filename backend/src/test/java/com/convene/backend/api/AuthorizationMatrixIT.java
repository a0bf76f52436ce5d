package com.convene.backend.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.InvitationView;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RegisterRequest;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Acceptance a: every route the application has × {anonymous, member, other member, host, admin} gets the
/// expected status, against the real PostgreSQL and Redis.
///
/// The route set comes from Micronaut's [Router], so a new endpoint without a row here fails
/// [#everyRouteHasARow()]. The principals: *host* hosts the fixture meeting, *member* is invited to it, *other* is a
/// member with no relation to it, *admin* is the bootstrap admin. Each (route, principal) cell gets a fresh fixture
/// meeting (a weekly series, with the member invited), so destructive calls do not disturb other cells.
@MicronautTest(transactional = false)
class AuthorizationMatrixIT extends BackendTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationMatrixIT.class);
    private static final String PASSWORD = "correct-horse-battery";
    private static final String[] PRINCIPALS = {"anonymous", "member", "other", "host", "admin"};

    /// The one route the matrix does not call over plain HTTP, with the test that covers it.
    private static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "GET /ws/signaling", "WebSocket upgrade; SignalingIT (authenticated and refused upgrades)");

    @Inject
    Router router;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String otherName;
    private UUID memberId;
    private UUID targetId;

    /// A fixture: one meeting of the host with the member invited.
    private record Fixture(MeetingView meeting, InvitationView invitation) {
    }

    /// One row: how to call the route on a fixture, and the status each principal gets.
    private record Row(String route, Function<Fixture, MutableHttpRequest<?>> request, int anonymous, int member,
                       int other, int host, int admin) {

        int expected(String principal) {
            return switch (principal) {
                case "anonymous" -> anonymous;
                case "member" -> member;
                case "other" -> other;
                case "host" -> host;
                default -> admin;
            };
        }
    }

    @Inject
    com.convene.backend.analytics.CassandraConnector cassandra;

    @BeforeAll
    void principals() throws InterruptedException {
        // the analytics routes answer 503 until Cassandra is connected
        assertThat(cassandra.awaitConnected(java.time.Duration.ofSeconds(90))).isTrue();
        tokens.put("admin", adminToken());
        String host = register("host");
        String member = register("member");
        otherName = register("other");
        tokens.put("host", login(host, PASSWORD).accessToken());
        LoginResponse memberLogin = login(member, PASSWORD);
        tokens.put("member", memberLogin.accessToken());
        memberId = memberLogin.user().id();
        tokens.put("other", login(otherName, PASSWORD).accessToken());
        targetId = login(register("target"), PASSWORD).user().id();
    }

    private List<Row> rows() {
        String meetingJson = "{\"title\": \"Matrix\", \"scheduledStart\": \"2031-01-06T09:00:00Z\"}";
        List<Row> rows = new ArrayList<>();
        // accounts: open to everyone
        rows.add(new Row("POST /api/v1/auth/register", f -> json(HttpMethod.POST, "/api/v1/auth/register",
                registerJson()), 201, 201, 201, 201, 201));
        rows.add(new Row("POST /api/v1/auth/login", f -> json(HttpMethod.POST, "/api/v1/auth/login",
                loginJson()), 200, 200, 200, 200, 200));
        rows.add(new Row("POST /api/v1/auth/refresh", f -> json(HttpMethod.POST, "/api/v1/auth/refresh",
                "{\"refresh_token\": \"" + login(otherName, PASSWORD).refreshToken() + "\"}"), 200, 200, 200, 200, 200));
        rows.add(new Row("POST /api/v1/auth/logout", f -> json(HttpMethod.POST, "/api/v1/auth/logout",
                "{\"refresh_token\": \"spent-or-unknown\"}"), 204, 204, 204, 204, 204));
        rows.add(new Row("POST /users/register", f -> json(HttpMethod.POST, "/users/register", registerJson()),
                201, 201, 201, 201, 201));
        rows.add(new Row("POST /users/login", f -> json(HttpMethod.POST, "/users/login", loginJson()),
                200, 200, 200, 200, 200));
        rows.add(new Row("GET /health", f -> HttpRequest.GET("/health"), 200, 200, 200, 200, 200));
        rows.add(new Row("GET /health/{selector}", f -> HttpRequest.GET("/health/liveness"), 200, 200, 200, 200, 200));
        // operations (issue 4): the scrape endpoint and which store is down, admins only
        rows.add(new Row("GET /prometheus", f -> HttpRequest.GET("/prometheus"), 401, 403, 403, 403, 200));
        rows.add(new Row("GET /api/v1/admin/health", f -> HttpRequest.GET("/api/v1/admin/health"),
                401, 403, 403, 403, 200));
        // own profile: any signed-in user
        rows.add(new Row("GET /api/v1/users/me", f -> HttpRequest.GET("/api/v1/users/me"), 401, 200, 200, 200, 200));
        rows.add(new Row("PATCH /api/v1/users/me", f -> json(HttpMethod.PATCH, "/api/v1/users/me",
                "{\"language\": \"en\"}"), 401, 200, 200, 200, 200));
        // account administration: admins only
        rows.add(new Row("GET /api/v1/users", f -> HttpRequest.GET("/api/v1/users"), 401, 403, 403, 403, 200));
        rows.add(new Row("POST /api/v1/users", f -> json(HttpMethod.POST, "/api/v1/users", registerJson()),
                401, 403, 403, 403, 201));
        rows.add(new Row("GET /api/v1/users/{id}", f -> HttpRequest.GET("/api/v1/users/" + targetId),
                401, 403, 403, 403, 200));
        rows.add(new Row("POST /api/v1/users/{id}/disable", f -> json(HttpMethod.POST,
                "/api/v1/users/" + targetId + "/disable", ""), 401, 403, 403, 403, 200));
        rows.add(new Row("POST /api/v1/users/{id}/enable", f -> json(HttpMethod.POST,
                "/api/v1/users/" + targetId + "/enable", ""), 401, 403, 403, 403, 200));
        rows.add(new Row("PUT /api/v1/users/{id}/role", f -> json(HttpMethod.PUT,
                "/api/v1/users/" + targetId + "/role", "{\"role\": \"member\"}"), 401, 403, 403, 403, 200));
        rows.add(new Row("POST /api/v1/users/{id}/unlock", f -> json(HttpMethod.POST,
                "/api/v1/users/" + targetId + "/unlock", ""), 401, 403, 403, 403, 200));
        rows.add(new Row("GET /api/v1/audit", f -> HttpRequest.GET("/api/v1/audit"), 401, 403, 403, 403, 200));
        // analytics (issue 4): admins only
        rows.add(new Row("GET /api/v1/analytics/meetings/{meetingId}/events", f -> HttpRequest.GET(
                "/api/v1/analytics/meetings/" + f.meeting().id() + "/events"), 401, 403, 403, 403, 200));
        rows.add(new Row("GET /api/v1/analytics/meetings/{meetingId}/participants/{participantId}/quality",
                f -> HttpRequest.GET("/api/v1/analytics/meetings/" + f.meeting().id() + "/participants/"
                        + UUID.randomUUID() + "/quality"), 401, 403, 403, 403, 200));
        rows.add(new Row("GET /api/v1/analytics/usage", f -> HttpRequest.GET("/api/v1/analytics/usage"),
                401, 403, 403, 403, 200));
        // meetings: members schedule their own; invitees see; host and admins manage
        rows.add(new Row("POST /api/v1/meetings", f -> json(HttpMethod.POST, "/api/v1/meetings", meetingJson),
                401, 201, 201, 201, 201));
        rows.add(new Row("POST /meetings/create", f -> json(HttpMethod.POST, "/meetings/create", meetingJson),
                401, 201, 201, 201, 201));
        rows.add(new Row("GET /api/v1/meetings", f -> HttpRequest.GET("/api/v1/meetings"), 401, 200, 200, 200, 200));
        rows.add(new Row("GET /api/v1/meetings/{id}", f -> HttpRequest.GET(meeting(f)), 401, 200, 403, 200, 200));
        rows.add(new Row("GET /api/v1/meetings/by-code/{code}", f -> HttpRequest.GET(
                "/api/v1/meetings/by-code/" + f.meeting().joinCode()), 401, 200, 200, 200, 200));
        rows.add(new Row("PATCH /api/v1/meetings/{id}", f -> json(HttpMethod.PATCH, meeting(f),
                "{\"title\": \"Renamed\"}"), 401, 403, 403, 200, 200));
        rows.add(new Row("POST /api/v1/meetings/{id}/cancel", f -> json(HttpMethod.POST, meeting(f) + "/cancel", ""),
                401, 403, 403, 200, 200));
        rows.add(new Row("DELETE /api/v1/meetings/{id}", f -> HttpRequest.DELETE(meeting(f)), 401, 403, 403, 200, 200));
        rows.add(new Row("GET /api/v1/meetings/{id}/occurrences", f -> HttpRequest.GET(meeting(f)
                + "/occurrences?from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z"), 401, 200, 403, 200, 200));
        rows.add(new Row("POST /api/v1/meetings/{id}/occurrences/{start}/cancel", f -> json(HttpMethod.POST,
                meeting(f) + "/occurrences/2031-01-13T09:00:00Z/cancel", ""), 401, 403, 403, 200, 200));
        rows.add(new Row("GET /api/v1/meetings/{id}/calendar.ics", f -> HttpRequest.GET(meeting(f) + "/calendar.ics")
                .accept("text/calendar"), 401, 200, 403, 200, 200));
        rows.add(new Row("POST /api/v1/meetings/{id}/invitations", f -> json(HttpMethod.POST,
                meeting(f) + "/invitations", "{\"email\": \"guest-" + UUID.randomUUID() + "@example.test\"}"),
                401, 403, 403, 201, 201));
        rows.add(new Row("GET /api/v1/meetings/{id}/invitations", f -> HttpRequest.GET(meeting(f) + "/invitations"),
                401, 200, 403, 200, 200));
        rows.add(new Row("DELETE /api/v1/meetings/{id}/invitations/{invitationId}", f -> HttpRequest.DELETE(
                meeting(f) + "/invitations/" + f.invitation().id()), 401, 403, 403, 204, 204));
        rows.add(new Row("POST /api/v1/meetings/{id}/invitations/{invitationId}/rsvp", f -> json(HttpMethod.POST,
                meeting(f) + "/invitations/" + f.invitation().id() + "/rsvp", "{\"response\": \"accepted\"}"),
                401, 200, 403, 403, 200));
        // seed 002: join needs only a joinable meeting (the code is the invitation); start/stop host or admin
        rows.add(new Row("POST /meetings/join", f -> json(HttpMethod.POST, "/meetings/join",
                "{\"meeting\": \"" + f.meeting().joinCode() + "\"}"), 401, 200, 200, 200, 200));
        rows.add(new Row("POST /conferences/start", f -> json(HttpMethod.POST, "/conferences/start",
                "{\"meetingId\": \"" + f.meeting().id() + "\"}"), 401, 403, 403, 200, 200));
        rows.add(new Row("POST /conferences/stop", f -> {
            startConference(f);
            return json(HttpMethod.POST, "/conferences/stop", "{\"meetingId\": \"" + f.meeting().id() + "\"}");
        }, 401, 403, 403, 200, 200));
        // recordings (issue 6): control is host or admin; the fixture meeting is not live, so those get 409
        // meeting-not-live / recording-not-running; an unknown recording is 404 to everyone signed in
        String unknownRecording = "/api/v1/recordings/" + UUID.randomUUID();
        rows.add(new Row("POST /api/v1/meetings/{meetingId}/recording/start", f -> json(HttpMethod.POST,
                meeting(f) + "/recording/start", ""), 401, 403, 403, 409, 409));
        rows.add(new Row("POST /api/v1/meetings/{meetingId}/recording/stop", f -> json(HttpMethod.POST,
                meeting(f) + "/recording/stop", ""), 401, 403, 403, 409, 409));
        // listing filters by visibility: anyone signed in may list; outsiders see only `public` recordings
        rows.add(new Row("GET /api/v1/meetings/{meetingId}/recordings", f -> HttpRequest.GET(meeting(f) + "/recordings"),
                401, 200, 200, 200, 200));
        rows.add(new Row("GET /api/v1/recordings", f -> HttpRequest.GET("/api/v1/recordings"),
                401, 200, 200, 200, 200));
        rows.add(new Row("GET /api/v1/recordings/{recordingId}", f -> HttpRequest.GET(unknownRecording),
                401, 404, 404, 404, 404));
        rows.add(new Row("PATCH /api/v1/recordings/{recordingId}", f -> json(HttpMethod.PATCH, unknownRecording,
                "{\"visibility\": \"public\"}"), 401, 404, 404, 404, 404));
        rows.add(new Row("DELETE /api/v1/recordings/{recordingId}", f -> HttpRequest.DELETE(unknownRecording),
                401, 404, 404, 404, 404));
        rows.add(new Row("POST /api/v1/recordings/{recordingId}/compose", f -> json(HttpMethod.POST,
                unknownRecording + "/compose", ""), 401, 404, 404, 404, 404));
        rows.add(new Row("GET /api/v1/recordings/{recordingId}/download",
                f -> HttpRequest.GET(unknownRecording + "/download"), 401, 404, 404, 404, 404));
        rows.add(new Row("GET /api/v1/recordings/{recordingId}/files/{fileId}",
                f -> HttpRequest.GET(unknownRecording + "/files/" + UUID.randomUUID()), 401, 404, 404, 404, 404));
        // the update check is anonymous; an unknown OS is 400 and an unknown file 404 for everyone (UpdateApiIT)
        rows.add(new Row("GET /api/v1/client/releases/latest",
                f -> HttpRequest.GET("/api/v1/client/releases/latest?os=beos&arch=x86_64"), 400, 400, 400, 400, 400));
        rows.add(new Row("GET /api/v1/client/releases/{version}/{file}",
                f -> HttpRequest.GET("/api/v1/client/releases/1.0.0/nothing.deb"), 404, 404, 404, 404, 404));
        // Micronaut answers HEAD on every GET route (RFC 9110 §9.3.2): same rules, no body
        for (Row get : List.copyOf(rows)) {
            if (get.route().startsWith("GET ")) {
                rows.add(new Row("HEAD " + get.route().substring(4), f -> {
                    MutableHttpRequest<?> request = get.request().apply(f);
                    MutableHttpRequest<?> head = HttpRequest.create(HttpMethod.HEAD, request.getUri().toString());
                    request.getHeaders().getFirst("Accept").ifPresent(accept -> head.header("Accept", accept));
                    return head;
                }, get.anonymous(), get.member(), get.other(), get.host(), get.admin()));
            }
        }
        return rows;
    }

    @Test
    void everyRouteHasARow() {
        Set<String> routes = applicationRoutes();
        Set<String> covered = rows().stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(COVERED_ELSEWHERE.keySet());
        LOG.info("Routes of the application ({}): {}", routes.size(), routes);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyPrincipalGetsTheExpectedStatusOnEveryRoute() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (String principal : PRINCIPALS) {
                Fixture fixture = fixture();
                MutableHttpRequest<?> request = row.request().apply(fixture);
                if (!principal.equals("anonymous")) {
                    request.bearerAuth(tokens.get(principal));
                }
                int status = status(request);
                cells++;
                if (status != row.expected(principal)) {
                    mismatches.add(row.route() + " as " + principal + ": expected " + row.expected(principal)
                            + ", got " + status);
                }
            }
        }
        LOG.info("Authorization matrix: {} routes x {} principals = {} cells, {} mismatches", rows().size(),
                PRINCIPALS.length, cells, mismatches.size());
        assertThat(mismatches).isEmpty();
    }

    /// `METHOD /template` of every route Micronaut routes (controllers, management endpoints, WebSockets).
    private Set<String> applicationRoutes() {
        return router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Fixture fixture() {
        MeetingView meeting = client.toBlocking().retrieve(json(HttpMethod.POST, "/api/v1/meetings", """
                {"title": "Fixture", "scheduledStart": "2031-01-06T09:00:00Z", "scheduledEnd": "2031-01-06T10:00:00Z",
                 "recurrenceRule": "FREQ=WEEKLY;COUNT=4"}""").bearerAuth(tokens.get("host")), MeetingView.class);
        InvitationView invitation = client.toBlocking().retrieve(json(HttpMethod.POST,
                "/api/v1/meetings/" + meeting.id() + "/invitations", "{\"userId\": \"" + memberId + "\"}")
                .bearerAuth(tokens.get("host")), InvitationView.class);
        return new Fixture(meeting, invitation);
    }

    private void startConference(Fixture f) {
        client.toBlocking().exchange(json(HttpMethod.POST, "/conferences/start",
                "{\"meetingId\": \"" + f.meeting().id() + "\"}").bearerAuth(tokens.get("host")));
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String meeting(Fixture f) {
        return "/api/v1/meetings/" + f.meeting().id();
    }

    private static MutableHttpRequest<?> json(HttpMethod method, String path, String body) {
        return HttpRequest.create(method, path).body(body).contentType(MediaType.APPLICATION_JSON);
    }

    private String registerJson() {
        String name = "mx-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"username\": \"" + name + "\", \"email\": \"" + name + "@example.test\", \"password\": \""
                + PASSWORD + "\"}";
    }

    private String loginJson() {
        return "{\"username\": \"" + otherName + "\", \"password\": \"" + PASSWORD + "\"}";
    }

    private String register(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", PASSWORD, null, null)));
        return name;
    }
}
