package com.convene.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HealthIT extends BackendTestSupport {

    @Test
    void reportsUpToAnonymousCallersWithoutDetails() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/health"));

        assertThat(body).contains("\"status\":\"UP\"").doesNotContain("jdbc", "127.0.0.1");
    }
}
