package com.convene.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.signaling.SignalingClient;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.Welcome;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The Grafana dashboard in `docs/ops/grafana-dashboard.json` against the real backend (real PostgreSQL, Redis,
/// Cassandra): after a join over signaling, every metric name that any panel's PromQL queries is in the
/// `/prometheus` scrape. Also: who may scrape.
@MicronautTest
class GrafanaDashboardIT extends BackendTestSupport {

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";
    private static final Path DASHBOARD = Path.of("..", "docs", "ops", "grafana-dashboard.json");
    /// Suffixes Prometheus adds to a meter's samples; a dashboard may query the family or a sample.
    private static final List<String> SUFFIXES = List.of("", "_total", "_bucket", "_count", "_sum", "_max",
            "_seconds_count", "_seconds_sum", "_seconds_bucket");

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestServices.properties());
        props.put("convene.metrics.scrape-token", SCRAPE_TOKEN);
        return props;
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        String admin = adminToken();
        join(admin);

        Set<String> exported = sampleNames(scrape(admin));
        Map<String, String> missing = new java.util.TreeMap<>();
        Set<String> queried = new LinkedHashSet<>();
        for (String expr : expressions()) {
            for (String name : PromQlMetricNames.of(expr)) {
                queried.add(name);
                if (SUFFIXES.stream().noneMatch(suffix -> exported.contains(name + suffix))) {
                    missing.put(name, expr);
                }
            }
        }

        assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(40)
                .contains("convene_sfu_forwarded_bytes_total", "convene_signaling_join_latency_seconds_bucket",
                        "hikaricp_connections_active", "lettuce_command_completion_seconds_bucket",
                        "convene_analytics_buffered_rows", "jvm_memory_used_bytes");
        assertThat(missing).as("queried by the dashboard but not exported (name -> expression)").isEmpty();
    }

    @Test
    void onlyAdminsAndTheScrapeTokenMayScrape() {
        assertThat(status(HttpRequest.GET("/prometheus"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/prometheus").bearerAuth(newMemberToken())))
                .isEqualTo(403);
        assertThat(status(HttpRequest.GET("/prometheus").bearerAuth("not-the-" + SCRAPE_TOKEN)))
                .isEqualTo(401);
        assertThat(scrape(SCRAPE_TOKEN)).contains("convene_sfu_rooms");
        // the scrape token opens nothing else
        assertThat(status(HttpRequest.GET("/api/v1/users/me").bearerAuth(SCRAPE_TOKEN)))
                .isEqualTo(401);
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\"");
    }

    private int status(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return response.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private String scrape(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(token));
    }

    private void join(String token) throws InterruptedException {
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
        MeetingView meeting = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of(
                "title", "Metrics", "scheduledStart", start.toString(),
                "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC",
                "waitingRoomEnabled", false)).bearerAuth(token), MeetingView.class);
        try (SignalingClient c = new SignalingClient(
                URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token)) {
            c.send(new Hello(Hello.PROTOCOL_VERSION, "metrics-it"));
            c.expect(Welcome.class);
            c.send(new JoinRequest("j1", meeting.joinCode(), "Metrics", false, false));
            c.expect(Joined.class);
        }
    }

    private List<String> expressions() throws IOException {
        JsonNode dashboard = objectMapper.readTree(Files.readString(DASHBOARD));
        List<String> out = new ArrayList<>();
        collect(dashboard.path("panels"), out);
        assertThat(out).as("PromQL expressions in " + DASHBOARD).isNotEmpty();
        return out;
    }

    private static void collect(JsonNode panels, List<String> out) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    out.add(expr);
                }
            }
            collect(panel.path("panels"), out);
        }
    }

    /// Sample names of a Prometheus text exposition (`name{labels} value` or `name value`).
    private static Set<String> sampleNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
