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

/// Issue 15, finding 9: anonymous self-registration is closed with the shipped configuration (`application.yml`,
/// no override: the other test classes open it for their fixtures), for both register routes.
@MicronautTest(transactional = false)
class RegistrationIT extends BackendTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.remove("convene.account.registration-enabled");
        return properties;
    }

    @Test
    void anonymousRegistrationIsClosedByDefault() {
        for (String path : new String[] {"/api/v1/auth/register", "/users/register"}) {
            String name = "anon-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<?> response = expectError(() -> client.toBlocking().exchange(HttpRequest.POST(path,
                    new RegisterRequest(name, name + "@example.test", "correct-horse-battery", null, null))));
            assertThat(response.code()).as(path).isEqualTo(403);
            assertThat(problem(response).type()).isEqualTo("urn:convene:problem:registration-closed");
        }
    }
}
