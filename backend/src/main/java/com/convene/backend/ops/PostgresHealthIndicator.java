package com.convene.backend.ops;

import com.convene.model.api.StoreHealthView;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/// `db` in `/health`, replacing Micronaut's JDBC indicator (`endpoints.health.jdbc.enabled: false`), which waits for
/// a pooled connection as long as the pool's connection timeout when PostgreSQL is stopped or hung. This one never
/// blocks: it answers DOWN (HTTP 503) when PostgreSQL has not answered within 800 ms
/// ([StoreHealthService#postgresAsync]), so `/health` answers within 1 s whatever hangs
/// (docs/decisions/088-store-deadlines.md).
@Singleton
final class PostgresHealthIndicator implements HealthIndicator {

    private final StoreHealthService stores;

    PostgresHealthIndicator(StoreHealthService stores) {
        this.stores = stores;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(stores.postgresAsync().thenApply(view -> HealthResult.builder("db",
                view.status().equals(StoreHealthView.UP) ? HealthStatus.UP : HealthStatus.DOWN).build()));
    }
}
