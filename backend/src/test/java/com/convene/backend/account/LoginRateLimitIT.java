package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.LoginRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The per-address login rate limit, with a budget of 3 attempts per minute. The Redis counter is shared with the
/// other test classes (same loopback address, same minute), so the test asserts only what holds whatever they did:
/// once attempts exceed the budget, they are refused with `too-many-requests` before the password is checked.
@MicronautTest(transactional = false)
class LoginRateLimitIT extends BackendTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("convene.account.login-rate-limit", "3");
        return properties;
    }

    @Test
    void refusesLoginsBeyondTheBudgetWithTooManyRequests() {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(
                    "/api/v1/auth/login", new LoginRequest("nobody-rate-limit", "wrong-password-123"))));
            types.add(problem(response).type());
            if (i >= 3) {
                assertThat(response.code()).isEqualTo(429);
            }
        }
        assertThat(types.subList(3, 5)).containsOnly("urn:convene:problem:too-many-requests");
    }
}
