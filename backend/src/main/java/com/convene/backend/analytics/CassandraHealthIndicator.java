package com.convene.backend.analytics;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/// `cassandra` in `/health`: UP when the session is connected and a node is up, otherwise [#DEGRADED], with the
/// analytics buffer's figures as details (shown only where `details-visible` allows).
///
/// Cassandra being down degrades analytics only and calls go on, so the status is operational (HTTP 200) rather
/// than DOWN, which would take the node out of a load balancer.
@Singleton
final class CassandraHealthIndicator implements HealthIndicator {

    /// Analytics store unreachable: rows are buffered, calls unaffected. `operational` unset so the aggregate ranks
    /// it above UP (two operational statuses compare equal) and below DOWN; still HTTP 200.
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "analytics store unreachable; rows buffered",
            null, 500);

    private final CassandraConnector connector;
    private final AnalyticsWriter writer;

    CassandraHealthIndicator(CassandraConnector connector, AnalyticsWriter writer) {
        this.connector = connector;
        this.writer = writer;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("buffered", writer.buffered());
        details.put("written", writer.written());
        details.put("dropped", writer.dropped());
        boolean up = connector.session()
                .map(s -> s.getMetadata().getNodes().values().stream()
                        .anyMatch(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP))
                .orElse(false);
        connector.lastError().ifPresent(e -> details.put("error", e));
        return Publishers.just(HealthResult.builder("cassandra", up ? HealthStatus.UP : DEGRADED)
                .details(details).build());
    }
}
