package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.model.api.RegisterRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// Registration opened by an admin for the organisation's e-mail domains only
/// (`convene.account.registration-allowed-domains`).
@MicronautTest(transactional = false)
class RegistrationDomainsIT extends BackendTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("convene.account.registration-enabled", "true");
        properties.put("convene.account.registration-allowed-domains", "example.org, @Corp.Example.com");
        return properties;
    }

    @Test
    void onlyTheAllowedDomainsMayRegister() {
        HttpResponse<?> outside = expectError(() -> register("outside@example.test"));
        assertThat(problem(outside).type()).isEqualTo("urn:convene:problem:registration-closed");
        HttpResponse<?> lookalike = expectError(() -> register("someone@evil-example.org"));
        assertThat(problem(lookalike).type()).isEqualTo("urn:convene:problem:registration-closed");

        assertThat(register("someone-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org").code())
                .isEqualTo(201);
        assertThat(register("someone-" + UUID.randomUUID().toString().substring(0, 6) + "@CORP.example.com").code())
                .isEqualTo(201);
    }

    private HttpResponse<?> register(String email) {
        String name = "dom-" + UUID.randomUUID().toString().substring(0, 8);
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, email, "correct-horse-battery", null, null)));
    }
}
