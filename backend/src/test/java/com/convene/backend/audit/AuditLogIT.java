package com.convene.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.AuditEntryView;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.Page;
import com.convene.model.api.RegisterRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The audit log: admin actions are recorded with who, what, when and from where, members' are not, and admins
/// page through it.
@MicronautTest(transactional = false)
class AuditLogIT extends BackendTestSupport {

    @jakarta.inject.Inject
    io.micronaut.web.router.Router router;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<AuditEntryView>> PAGE = (Argument) Argument.of(Page.class,
            AuditEntryView.class);

    @Test
    void recordsAdminActionsWithActorTargetTimeAndAddress() {
        String name = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", "correct-horse-battery", null, null)));
        LoginResponse target = login(name, "correct-horse-battery");
        LoginResponse admin = login("admin", com.convene.backend.TestServices.ADMIN_PASSWORD);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + target.user().id() + "/disable", "")
                .bearerAuth(admin.accessToken()).header("User-Agent", "audit-test/1"));
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + target.user().id() + "/enable", "")
                .bearerAuth(admin.accessToken()));
        // a member's own action is not an admin action
        String member = newMemberToken();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/meetings", "{\"title\": \"Mine\"}")
                .contentType("application/json").bearerAuth(member));

        Page<AuditEntryView> disables = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/audit?action=user.disable&limit=500").bearerAuth(admin.accessToken()), PAGE);
        AuditEntryView entry = disables.items().stream()
                .filter(e -> target.user().id().toString().equals(e.targetId())).findFirst().orElseThrow();
        assertThat(entry.actorUserId()).isEqualTo(admin.user().id());
        assertThat(entry.actorUsername()).isEqualTo("admin");
        assertThat(entry.targetType()).isEqualTo("user");
        assertThat(entry.method()).isEqualTo("POST");
        assertThat(entry.path()).isEqualTo("/api/v1/users/" + target.user().id() + "/disable");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.ipAddress()).isNotBlank();
        assertThat(entry.userAgent()).isEqualTo("audit-test/1");
        assertThat(entry.occurredAt()).isAfterOrEqualTo(before);

        Page<AuditEntryView> creates = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/audit?action=meeting.create&limit=500").bearerAuth(admin.accessToken()), PAGE);
        assertThat(creates.items()).allSatisfy(e -> assertThat(e.actorUsername()).isEqualTo("admin"));
    }

    /// Every route that changes state and that an admin can call for someone else carries [Audited]; the
    /// exceptions are the open account routes, where the caller acts for themself.
    @Test
    void everyStateChangingRouteIsAudited() {
        java.util.Set<String> notAudited = new java.util.TreeSet<>();
        router.uriRoutes()
                .filter(r -> !java.util.Set.of("GET", "HEAD").contains(r.getHttpMethodName()))
                .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/api/v1/auth/"))
                .filter(r -> !java.util.Set.of("/users/login", "/users/register", "/meetings/join", "/api/v1/users/me")
                        .contains(r.getUriMatchTemplate().toPathString()))
                .filter(r -> !r.getAnnotationMetadata().hasAnnotation(Audited.class))
                .forEach(r -> notAudited.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString()));
        assertThat(notAudited).isEmpty();
    }

    @Test
    void recordsTheCreatedResourceAndTheConferenceAsTargets() {
        String admin = adminToken();
        HttpResponse<String> created = client.toBlocking().exchange(HttpRequest.POST("/api/v1/meetings",
                "{\"title\": \"Audited\", \"scheduledStart\": \"2031-02-01T10:00:00Z\"}")
                .contentType("application/json").bearerAuth(admin), String.class);
        String id = created.header("Location").substring("/api/v1/meetings/".length());
        client.toBlocking().exchange(HttpRequest.POST("/conferences/start", "{\"meetingId\": \"" + id + "\"}")
                .contentType("application/json").bearerAuth(admin));

        Page<AuditEntryView> log = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit?limit=500")
                .bearerAuth(admin), PAGE);
        assertThat(log.items()).filteredOn(e -> id.equals(e.targetId())).extracting(AuditEntryView::action)
                .contains("meeting.create", "meeting.start");
    }

    @Test
    void pagesNewestFirstWithACursor() {
        String admin = adminToken();
        UUID someone = login("admin", com.convene.backend.TestServices.ADMIN_PASSWORD).user().id();
        for (int i = 0; i < 3; i++) {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + someone + "/unlock", "").bearerAuth(admin));
        }
        Page<AuditEntryView> first = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit?limit=2")
                .bearerAuth(admin), PAGE);
        Page<AuditEntryView> second = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit?limit=2&cursor="
                + first.nextCursor()).bearerAuth(admin), PAGE);

        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).id()).isGreaterThan(first.items().get(1).id());
        assertThat(second.items()).isNotEmpty();
        assertThat(second.items().getFirst().id()).isLessThan(first.items().get(1).id());

        HttpResponse<?> bad = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/audit?cursor=not-a-number").bearerAuth(admin)));
        assertThat(problem(bad).type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem(bad).errors()).extracting("field").containsExactly("cursor");
    }
}
