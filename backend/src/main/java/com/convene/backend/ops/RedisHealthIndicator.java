package com.convene.backend.ops;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;

/// `redis` in `/health`, replacing micronaut-redis' indicator (`redis.health.enabled: false`): UP when `PING` is
/// answered within 800 ms, otherwise [#DEGRADED]. Redis holds live state that calls do without for a while
/// (docs/decisions/061-redis-outage.md), so its outage keeps the node in the load balancer (HTTP 200) rather than
/// taking every node out at once; `GET /api/v1/admin/health` names it DOWN. Never blocks (asynchronous `PING`).
@Singleton
final class RedisHealthIndicator implements HealthIndicator {

    /// Redis unreachable: room state, presence and chat delivery degraded, calls go on. `operational` is left
    /// unset on purpose: [HealthStatus#compareTo] ranks two operational statuses equal, so an operational DEGRADED
    /// could lose to UP in the aggregate; unset ranks it above UP and below DOWN, and still answers HTTP 200.
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "live state store unreachable", null, 500);

    private final StatefulRedisConnection<String, String> redis;

    RedisHealthIndicator(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<HealthResult> result;
        try {
            result = redis.async().ping().toCompletableFuture()
                    .orTimeout(StoreHealthService.CHECK_DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                    .handle((pong, error) -> HealthResult.builder("redis",
                            error == null && "PONG".equals(pong) ? HealthStatus.UP : DEGRADED).build());
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(HealthResult.builder("redis", DEGRADED).build());
        }
        return Publishers.fromCompletableFuture(result);
    }
}
