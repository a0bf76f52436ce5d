package com.convene.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.Problem;
import com.convene.model.api.RegisterRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/// Base of the `@MicronautTest` classes: feeds them the once-per-JVM [TestServices] and offers HTTP helpers.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendTestSupport implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected ObjectMapper objectMapper;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.properties();
    }

    /// Logs in the bootstrap admin and returns the bearer token.
    protected String adminToken() {
        return login(TestServices.ADMIN_USERNAME, TestServices.ADMIN_PASSWORD).accessToken();
    }

    protected LoginResponse login(String username, String password) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login", new LoginRequest(username, password)),
                LoginResponse.class);
    }

    /// Registers a fresh member with a random name and returns its token.
    protected String newMemberToken() {
        String name = "member-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", "correct-horse-battery", null, null)));
        return login(name, "correct-horse-battery").accessToken();
    }

    /// Runs a request expected to fail and returns the error response, asserting the problem+json content type.
    protected HttpResponse<?> expectError(Executable call) {
        try {
            call.execute();
        } catch (HttpClientResponseException e) {
            assertThat(e.getResponse().getContentType()).hasValue(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
            return e.getResponse();
        } catch (Throwable t) {
            throw new AssertionError("unexpected exception", t);
        }
        throw new AssertionError("expected an error response");
    }

    /// The problem body of an error response.
    protected Problem problem(HttpResponse<?> response) {
        String body = response.getBody(String.class).orElseThrow();
        try {
            return objectMapper.readValue(body, Problem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
