package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RefreshRequest;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserAdminView;
import com.convene.model.api.UserView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Access and refresh tokens, logout, disabling (acceptance d, REST half) and sign-in throttling, against the
/// real PostgreSQL and Redis.
@MicronautTest(transactional = false)
class TokenLifecycleIT extends BackendTestSupport {

    @Inject
    DisabledEventRecorder recorder;

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        LoginResponse first = login(register(), "correct-horse-battery");
        assertThat(first.refreshToken()).isNotBlank();
        assertThat(first.refreshExpiresIn()).isEqualTo(Duration.ofDays(30).toSeconds());

        LoginResponse second = refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(me(second.accessToken()).id()).isEqualTo(first.user().id());

        HttpResponse<?> reused = expectError(() -> refresh(first.refreshToken()));
        assertThat(reused.code()).isEqualTo(401);
        assertThat(problem(reused).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        LoginResponse login = login(register(), "correct-horse-battery");
        HttpResponse<?> out = client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/logout",
                new RefreshRequest(login.refreshToken())));
        assertThat(out.code()).isEqualTo(204);

        HttpResponse<?> after = expectError(() -> refresh(login.refreshToken()));
        assertThat(problem(after).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
        // logging out twice is harmless
        assertThat(client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/logout",
                new RefreshRequest(login.refreshToken()))).code()).isEqualTo(204);
    }

    @Test
    void disablingAUserRevokesRefreshAndAccessTokensAndPublishesTheEvent() {
        String name = register();
        LoginResponse onDesktop = login(name, "correct-horse-battery");
        LoginResponse onLaptop = login(name, "correct-horse-battery");
        UUID id = onDesktop.user().id();
        String admin = adminToken();

        UserAdminView disabled = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/users/" + id + "/disable", "")
                .bearerAuth(admin), UserAdminView.class);

        assertThat(disabled.user().status()).isEqualTo("suspended");
        for (LoginResponse session : new LoginResponse[] {onDesktop, onLaptop}) {
            HttpResponse<?> refreshed = expectError(() -> refresh(session.refreshToken()));
            assertThat(refreshed.code()).isEqualTo(401);
            assertThat(problem(refreshed).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
            HttpResponse<?> access = expectError(() -> me(session.accessToken()));
            assertThat(access.code()).isEqualTo(401);
        }
        assertThat(recorder.events).anySatisfy(event -> assertThat(event.userId()).isEqualTo(id));
        HttpResponse<?> relogin = expectError(() -> login(name, "correct-horse-battery"));
        assertThat(problem(relogin).type()).isEqualTo("urn:convene:problem:account-disabled");

        client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + id + "/enable", "").bearerAuth(admin));
        LoginResponse back = login(name, "correct-horse-battery");
        assertThat(me(back.accessToken()).status()).isEqualTo("active");
    }

    @Test
    void wrongPasswordsSlowThisAddressDownWithoutLockingAndAdminsSeeAndLiftIt() {
        String name = register();
        UUID id = login(name, "correct-horse-battery").user().id();
        // five free attempts, then the sixth within the 1 s delay is refused before the password is checked
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<?> wrong = expectError(() -> login(name, "wrong-password-123"));
            assertThat(problem(wrong).type()).as("attempt %d", attempt)
                    .isEqualTo("urn:convene:problem:invalid-credentials");
        }
        HttpResponse<?> slowed = expectError(() -> login(name, "correct-horse-battery"));
        assertThat(slowed.code()).isEqualTo(429);
        assertThat(problem(slowed).type()).isEqualTo("urn:convene:problem:sign-in-throttled");
        assertThat(slowed.getHeaders().get("Retry-After")).isEqualTo("1");

        String admin = adminToken();
        UserAdminView seen = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/" + id).bearerAuth(admin),
                UserAdminView.class);
        assertThat(seen.locked()).isFalse();
        assertThat(seen.lockedUntil()).isNull();
        assertThat(seen.failedLoginAttempts()).isEqualTo(5);

        UserAdminView unlocked = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/users/" + id + "/unlock", "")
                .bearerAuth(admin), UserAdminView.class);
        assertThat(unlocked.failedLoginAttempts()).isZero();
        // the unlock lifted the delay at once
        assertThat(login(name, "correct-horse-battery").user().id()).isEqualTo(id);
    }

    @Test
    void membersUpdateTheirOwnProfile() {
        String token = login(register(), "correct-horse-battery").accessToken();
        UserView updated = client.toBlocking().retrieve(HttpRequest.PATCH("/api/v1/users/me", Map.of(
                "displayName", "Grace H.", "timeZone", "America/New_York", "language", "en-US",
                "avatarUrl", "https://cdn.example.test/grace.png")).bearerAuth(token), UserView.class);
        assertThat(updated.displayName()).isEqualTo("Grace H.");
        assertThat(updated.timeZone()).isEqualTo("America/New_York");
        assertThat(updated.language()).isEqualTo("en-US");
        assertThat(updated.avatarUrl()).isEqualTo("https://cdn.example.test/grace.png");

        HttpResponse<?> bad = expectError(() -> client.toBlocking().exchange(HttpRequest.PATCH("/api/v1/users/me",
                Map.of("timeZone", "Mars/Olympus", "avatarUrl", "javascript:alert(1)", "language", "??"))
                .bearerAuth(token)));
        assertThat(problem(bad).type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem(bad).errors()).extracting("field")
                .containsExactlyInAnyOrder("timeZone", "avatarUrl", "language");
    }

    private String register() {
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", "correct-horse-battery", null, null)));
        return name;
    }

    private LoginResponse refresh(String refreshToken) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/refresh", new RefreshRequest(refreshToken)),
                LoginResponse.class);
    }

    private UserView me(String accessToken) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/me").bearerAuth(accessToken),
                UserView.class);
    }
}
