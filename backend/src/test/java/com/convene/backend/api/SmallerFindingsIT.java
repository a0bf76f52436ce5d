package com.convene.backend.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.MeetingView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// Issue 15, finding 9 ("smaller"), each replayed over HTTP against the real backend: a too-large body is typed
/// `payload-too-large`; `?access_token=` is refused as documented; `/occurrences` answers 403 before it reads its
/// parameters; unknown JSON fields in request bodies are a 400 naming the field; a member who is not invited sees
/// only what joining needs of a meeting looked up by code. (Registration closed by default: [RegistrationIT].)
@MicronautTest(transactional = false)
class SmallerFindingsIT extends BackendTestSupport {

    @Inject
    EmbeddedServer server;

    @Test
    void aBodyOverTheLimitIsTypedPayloadTooLarge() {
        String big = "{\"username\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"password\": \"p\"}";
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/auth/login", big).contentType(MediaType.APPLICATION_JSON)));
        assertThat(response.code()).isEqualTo(413);
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:payload-too-large");
    }

    @Test
    void anAccessTokenInTheQueryIsRefusedAsDocumented() throws Exception {
        String token = newMemberToken();
        HttpResponse<?> rest = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/users/me?access_token=" + token)));
        assertThat(rest.code()).isEqualTo(401);

        URI ws = URI.create("ws://localhost:" + server.getPort() + "/ws/signaling?access_token=" + token);
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            Throwable failure = null;
            try {
                http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(ws, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(401);
        }
    }

    @Test
    void occurrencesAuthoriseBeforeTheyValidate() {
        String host = newMemberToken();
        String stranger = newMemberToken();
        MeetingView meeting = schedule(host);
        String path = "/api/v1/meetings/" + meeting.id() + "/occurrences";

        for (String query : new String[] {"", "?from=yesterday", "?from=2031-02-01T00:00:00Z&to=2031-01-01T00:00:00Z"}) {
            HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(path + query)
                    .bearerAuth(stranger)));
            assertThat(response.code()).as(query).isEqualTo(403);
            assertThat(problem(response).type()).isEqualTo("urn:convene:problem:forbidden");
        }
        // the host still gets the validation errors
        HttpResponse<?> invalid = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(path + "?from=x")
                .bearerAuth(host)));
        assertThat(problem(invalid).type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem(invalid).errors()).extracting("field").containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void unknownFieldsInARequestBodyAreRefused() {
        String token = newMemberToken();
        MeetingView meeting = schedule(token);
        // the typo of the issue: `meetng` instead of `meeting`
        HttpResponse<?> typo = expectError(() -> client.toBlocking().exchange(HttpRequest.POST("/meetings/join",
                "{\"meetng\": \"" + meeting.joinCode() + "\"}").contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(token)));
        assertThat(typo.code()).isEqualTo(400);
        assertThat(problem(typo).type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem(typo).errors()).extracting("field").containsExactly("meetng");
        // the right field still joins
        assertThat(client.toBlocking().exchange(HttpRequest.POST("/meetings/join",
                "{\"meeting\": \"" + meeting.joinCode() + "\"}").contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(token)).code()).isEqualTo(200);
    }

    @Test
    void aMeetingByCodeShowsItsDetailsOnlyToHostInviteesAndAdmins() {
        String host = newMemberToken();
        String stranger = newMemberToken();
        MeetingView meeting = schedule(host);
        String path = "/api/v1/meetings/by-code/" + meeting.joinCode();

        MeetingView seen = client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(stranger), MeetingView.class);
        assertThat(seen.id()).isEqualTo(meeting.id());
        assertThat(seen.joinCode()).isEqualTo(meeting.joinCode());
        assertThat(seen.hostUserId()).isNull();
        assertThat(seen.description()).isNull();
        assertThat(seen.scheduledStart()).isNull();
        assertThat(seen.maxParticipants()).isZero();

        for (String viewer : new String[] {host, adminToken()}) {
            MeetingView full = client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(viewer),
                    MeetingView.class);
            assertThat(full.hostUserId()).isEqualTo(meeting.hostUserId());
            assertThat(full.description()).isEqualTo("Quarterly numbers");
            assertThat(full.scheduledStart()).isEqualTo(meeting.scheduledStart());
        }
    }

    private MeetingView schedule(String token) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of("title", "Review",
                "description", "Quarterly numbers", "scheduledStart", "2031-06-01T08:00:00Z",
                "scheduledEnd", "2031-06-01T09:00:00Z", "waitingRoomEnabled", false)).bearerAuth(token),
                MeetingView.class);
    }
}
