package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.Problem;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountApiIT extends BackendTestSupport {

    @Test
    void registersLogsInAndReadsOwnAccount() {
        String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"username": "%s", "email": "%s@Example.test", "password": "analytical-engine", "displayName": "Ada L."}"""
                .formatted(name.toUpperCase(), name);

        HttpResponse<UserView> registered = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/register", json).contentType(MediaType.APPLICATION_JSON), UserView.class);
        assertThat(registered.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(registered.body().username()).isEqualTo(name);
        assertThat(registered.body().email()).isEqualTo(name + "@example.test");
        assertThat(registered.body().role()).isEqualTo("member");

        HttpResponse<String> raw = client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login",
                new LoginRequest(name + "@example.test", "analytical-engine")), String.class);
        assertThat(raw.body()).contains("\"access_token\"", "\"expires_in\":900", "\"refresh_token\"", "\"token_type\":\"Bearer\"");
        LoginResponse login = login(name, "analytical-engine");
        assertThat(login.expiresIn()).isEqualTo(900);

        UserView me = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/me").bearerAuth(login.accessToken()),
                UserView.class);
        assertThat(me.id()).isEqualTo(registered.body().id());
        assertThat(me.displayName()).isEqualTo("Ada L.");
        assertThat(me.lastLoginAt()).isNotNull();
    }

    @Test
    void bootstrapAdminExistsWithAdminRole() {
        LoginResponse login = login(TestServices.ADMIN_USERNAME, TestServices.ADMIN_PASSWORD);

        assertThat(login.user().role()).isEqualTo("admin");
    }

    @Test
    void returnsInvalidCredentialsProblemForWrongPassword() {
        String name = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        register(name, "right-password-1");

        HttpResponse<?> wrong = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/login", new LoginRequest(name, "wrong-password-1"))));
        HttpResponse<?> unknown = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/login", new LoginRequest("nobody-" + name, "wrong-password-1"))));

        assertThat(wrong.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(problem(wrong).type()).isEqualTo("urn:convene:problem:invalid-credentials");
        assertThat(problem(unknown).type()).isEqualTo("urn:convene:problem:invalid-credentials");
    }

    /// Ten wrong passwords in a row no longer lock the account: after the five free attempts the address waits
    /// out a growing delay (`sign-in-throttled`, `Retry-After`), and then the right password signs in.
    @Test
    void throttlesRepeatedFailuresInsteadOfLockingTheAccount() throws InterruptedException {
        String name = "eve-" + UUID.randomUUID().toString().substring(0, 8);
        register(name, "right-password-1");
        for (int i = 0; i < 10; i++) {
            expectError(() -> client.toBlocking().exchange(
                    HttpRequest.POST("/api/v1/auth/login", new LoginRequest(name, "wrong-password-1"))));
        }

        HttpResponse<?> slowed = expectError(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/login", new LoginRequest(name, "right-password-1"))));
        assertThat(problem(slowed).type()).isEqualTo("urn:convene:problem:sign-in-throttled");
        long retryAfter = Long.parseLong(slowed.getHeaders().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 4L);

        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(login(name, "right-password-1").user().username()).isEqualTo(name);
    }

    @Test
    void returnsConflictProblemForTakenUsername() {
        String name = "carl-" + UUID.randomUUID().toString().substring(0, 8);
        register(name, "right-password-1");

        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/auth/register", new RegisterRequest(name, "other-" + name + "@example.test",
                        "right-password-1", null, null))));

        assertThat(response.code()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:conflict");
    }

    @Test
    void returnsValidationProblemWithFieldErrors() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/auth/register", new RegisterRequest("x", "not-an-email", "short", null, "Nowhere/Land"))));

        Problem problem = problem(response);
        assertThat(problem.type()).isEqualTo("urn:convene:problem:validation");
        assertThat(problem.errors()).extracting("field")
                .containsExactlyInAnyOrder("username", "email", "password", "timeZone");
    }

    @Test
    void legacySeedEndpointsRegisterAndLogIn() {
        String name = "dora-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<UserView> registered = client.toBlocking().exchange(HttpRequest.POST("/users/register",
                new RegisterRequest(name, name + "@example.test", "right-password-1", null, null)), UserView.class);
        LoginResponse login = client.toBlocking().retrieve(
                HttpRequest.POST("/users/login", new LoginRequest(name, "right-password-1")), LoginResponse.class);

        assertThat(registered.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(login.user().id()).isEqualTo(registered.body().id());
    }

    @Test
    void returnsUnauthorizedProblemForMeWithoutToken() {
        HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/users/me")));

        assertThat(response.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(problem(response).type()).isEqualTo("urn:convene:problem:unauthorized");
    }

    private void register(String name, String password) {
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", password, null, null)));
    }
}
