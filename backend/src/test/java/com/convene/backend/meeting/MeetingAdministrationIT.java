package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.InvitationView;
import com.convene.model.api.JoinInfo;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.MeetingView;
import com.convene.model.api.Page;
import com.convene.model.api.RegisterRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Meeting administration end to end: update, password at join (seed 002 `/meetings/join`), invitations by
/// e-mail and RSVP, list filters, and `/conferences/start|stop`.
@MicronautTest(transactional = false)
class MeetingAdministrationIT extends BackendTestSupport {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<MeetingView>> PAGE = (Argument) Argument.of(Page.class, MeetingView.class);

    @Inject
    ClosedEventRecorder closed;

    @Test
    void hostSetsAPasswordAndJoinChecksIt() {
        String host = newMemberToken();
        MeetingView meeting = schedule(host, "Secret plans");

        MeetingView updated = client.toBlocking().retrieve(HttpRequest.PATCH("/api/v1/meetings/" + meeting.id(), """
                {"title": "Secret plans v2", "requirePassword": true, "password": "open-sesame", "maxParticipants": 8}""")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host), MeetingView.class);
        assertThat(updated.title()).isEqualTo("Secret plans v2");
        assertThat(updated.requirePassword()).isTrue();
        assertThat(updated.maxParticipants()).isEqualTo(8);
        assertThat(updated.joinCode()).isEqualTo(meeting.joinCode());

        String guest = newMemberToken();
        HttpResponse<?> refused = expectError(() -> client.toBlocking().exchange(HttpRequest.POST("/meetings/join",
                "{\"meeting\": \"" + meeting.joinCode() + "\", \"password\": \"wrong\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(guest)));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(problem(refused).type()).isEqualTo("urn:convene:problem:meeting-password-required");

        JoinInfo join = client.toBlocking().retrieve(HttpRequest.POST("/meetings/join",
                "{\"meeting\": \"" + meeting.joinCode().toUpperCase() + "\", \"password\": \"open-sesame\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(guest), JoinInfo.class);
        assertThat(join.meetingId()).isEqualTo(meeting.id());
        assertThat(join.joinCode()).isEqualTo(meeting.joinCode());
        assertThat(join.signalingUrl()).isEqualTo("wss://meet.example.test/ws/signaling");
        assertThat(join.waitingRoom()).isTrue();

        HttpResponse<?> invalid = expectError(() -> client.toBlocking().exchange(HttpRequest.PATCH(
                "/api/v1/meetings/" + meeting.id(), "{\"title\": \" \", \"timeZone\": \"Nowhere/Land\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host)));
        assertThat(problem(invalid).errors()).extracting("field").containsExactlyInAnyOrder("title", "timeZone");
    }

    @Test
    void invitationsByEmailGrantAccessAndTakeAnRsvp() {
        String host = newMemberToken();
        MeetingView meeting = schedule(host, "Design review");
        String name = "inv-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", "correct-horse-battery", "Ina Vite", null)));
        LoginResponse invitee = login(name, "correct-horse-battery");

        HttpResponse<?> before = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/meetings/" + meeting.id()).bearerAuth(invitee.accessToken())));
        assertThat(before.code()).isEqualTo(403);

        InvitationView invitation = client.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/meetings/" + meeting.id() + "/invitations", "{\"email\": \"" + name.toUpperCase()
                        + "@Example.test\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(host),
                InvitationView.class);
        assertThat(invitation.userId()).isEqualTo(invitee.user().id());
        assertThat(invitation.displayName()).isEqualTo("Ina Vite");
        assertThat(invitation.rsvp()).isEqualTo("pending");
        InvitationView external = client.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/meetings/" + meeting.id() + "/invitations", "{\"email\": \"partner@elsewhere.test\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host), InvitationView.class);
        assertThat(external.userId()).isNull();

        HttpResponse<?> twice = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/meetings/" + meeting.id() + "/invitations", "{\"userId\": \"" + invitee.user().id() + "\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host)));
        assertThat(problem(twice).type()).isEqualTo("urn:convene:problem:conflict");

        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings/" + meeting.id())
                .bearerAuth(invitee.accessToken()), MeetingView.class).id()).isEqualTo(meeting.id());
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings").bearerAuth(invitee.accessToken()),
                PAGE).items()).extracting(MeetingView::id).contains(meeting.id());

        InvitationView answered = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings/" + meeting.id()
                + "/invitations/" + invitation.id() + "/rsvp", "{\"response\": \"accepted\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(invitee.accessToken()), InvitationView.class);
        assertThat(answered.rsvp()).isEqualTo("accepted");
        List<InvitationView> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings/" + meeting.id()
                + "/invitations").bearerAuth(host), Argument.listOf(InvitationView.class));
        assertThat(all).extracting(InvitationView::rsvp).containsExactly("accepted", "pending");

        HttpResponse<?> badAnswer = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/meetings/" + meeting.id() + "/invitations/" + invitation.id() + "/rsvp",
                "{\"response\": \"maybe\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(invitee.accessToken())));
        assertThat(problem(badAnswer).errors()).extracting("field").containsExactly("response");

        client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/meetings/" + meeting.id() + "/invitations/"
                + invitation.id()).bearerAuth(host));
        HttpResponse<?> after = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/meetings/" + meeting.id()).bearerAuth(invitee.accessToken())));
        assertThat(after.code()).isEqualTo(403);
    }

    @Test
    void adminsFilterByHostAndStatus() {
        String admin = adminToken();
        String host = newMemberToken();
        MeetingView kept = schedule(host, "Kept");
        MeetingView dropped = schedule(host, "Dropped");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/meetings/" + dropped.id() + "/cancel", "")
                .bearerAuth(host));

        Page<MeetingView> cancelled = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings?host="
                + kept.hostUserId() + "&status=cancelled").bearerAuth(admin), PAGE);
        Page<MeetingView> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/meetings?host="
                + kept.hostUserId()).bearerAuth(admin), PAGE);

        assertThat(cancelled.items()).extracting(MeetingView::id).containsExactly(dropped.id());
        assertThat(all.items()).extracting(MeetingView::id).containsExactlyInAnyOrder(kept.id(), dropped.id());
        HttpResponse<?> bad = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/meetings?status=sleeping&cursor=not_a_cursor").bearerAuth(admin)));
        assertThat(problem(bad).errors()).extracting("field").containsExactlyInAnyOrder("status", "cursor");
    }

    @Test
    void conferencesStartAndStopMarkTheMeetingAndTellTheLiveRoom() {
        String host = newMemberToken();
        MeetingView meeting = schedule(host, "All hands");
        String body = "{\"meetingId\": \"" + meeting.id() + "\"}";

        MeetingView live = client.toBlocking().retrieve(HttpRequest.POST("/conferences/start", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host), MeetingView.class);
        assertThat(live.status()).isEqualTo("live");
        assertThat(live.actualStart()).isNotNull();

        MeetingView ended = client.toBlocking().retrieve(HttpRequest.POST("/conferences/stop", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(host), MeetingView.class);
        assertThat(ended.status()).isEqualTo("ended");
        assertThat(ended.actualEnd()).isNotNull();
        assertThat(closed.events).contains(new MeetingClosedEvent(meeting.id(), MeetingStatus.ENDED));

        HttpResponse<?> again = expectError(() -> client.toBlocking().exchange(HttpRequest.POST("/conferences/start",
                body).contentType(MediaType.APPLICATION_JSON).bearerAuth(host)));
        assertThat(problem(again).type()).isEqualTo("urn:convene:problem:meeting-ended");
        HttpResponse<?> missing = expectError(() -> client.toBlocking().exchange(HttpRequest.POST("/conferences/stop",
                "{}").contentType(MediaType.APPLICATION_JSON).bearerAuth(host)));
        assertThat(problem(missing).errors()).extracting("field").containsExactly("meetingId");
    }

    @Test
    void malformedIdsAreTypedProblemsWithoutStackTraces() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/meetings/not-a-uuid/occurrences?from=yesterday&to=2030-01-01T00:00:00Z")
                        .bearerAuth(adminToken())));
        assertThat(response.code()).isEqualTo(400);
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:validation");
        assertThat(response.getBody(String.class).orElse("")).doesNotContain("Exception", "at com.", "at io.");
    }

    private MeetingView schedule(String token, String title) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", "{\"title\": \"" + title
                + "\", \"scheduledStart\": \"2031-06-01T08:00:00Z\", \"scheduledEnd\": \"2031-06-01T09:00:00Z\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(token), MeetingView.class);
    }
}
