package com.convene.backend.ops;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The circuit breaker in front of the shared Redis connection (resilience4j; docs/decisions/088-store-deadlines.md).
///
/// A hung Redis (process stopped, network black-holed) keeps its TCP connection open, so Lettuce's fail-fast for a
/// *disconnected* server ([RedisClientOptions]) does not apply: every command would wait its whole deadline. The
/// breaker judges the latest [RedisDeadlineConfig#breakerWindow] commands; when at least half of them (and at least
/// two) failed for want of an answer (timeout, connection lost, not connected), it opens: for
/// [RedisDeadlineConfig#breakerOpen] every command fails at once with [RedisUnavailableException], then one probe
/// command is let through and its outcome closes or re-opens the breaker. A Redis *error reply*
/// ([RedisCommandExecutionException], e.g. `WRONGTYPE`) proves the server answers and counts as a success.
///
/// Thread-safe; never blocks (the guarded call itself blocks at most its command deadline).
@Singleton
public final class RedisBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBreaker.class);

    private final CircuitBreaker breaker;

    RedisBreaker(RedisDeadlineConfig config) {
        int window = Math.max(2, Math.min(100, config.breakerWindow()));
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(config.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(RedisBreaker::meansNoAnswer)
                .build();
        breaker = CircuitBreaker.of("redis", breakerConfig);
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN -> LOG.warn("Redis breaker open: Redis did not answer; commands fail at once for {} ms",
                        config.breakerOpen().toMillis());
                case CLOSED -> LOG.info("Redis breaker closed: Redis answers again");
                default -> LOG.debug("Redis breaker {}", event.getStateTransition());
            }
        });
    }

    /// Runs one Redis command through the breaker.
    ///
    /// @throws RedisUnavailableException at once while the breaker is open
    /// @throws RedisException            what the command threw (timeouts included), recorded by the breaker
    public <T> T call(Supplier<T> command) {
        if (!breaker.tryAcquirePermission()) {
            throw new RedisUnavailableException(breaker.getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1));
        }
        long start = System.nanoTime();
        try {
            T result = command.get();
            breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, result);
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /// Whether commands currently fail at once (breaker open or waiting for its probe).
    public boolean open() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    /// The breaker's state name (`CLOSED`, `OPEN`, `HALF_OPEN`), for the admin health.
    public String state() {
        return breaker.getState().name();
    }

    /// Commands refused at once since start (breaker open), for the admin health and metrics.
    public long refused() {
        return breaker.getMetrics().getNumberOfNotPermittedCalls();
    }

    private static boolean meansNoAnswer(Throwable e) {
        return e instanceof RedisException && !(e instanceof RedisCommandExecutionException)
                || e instanceof CallNotPermittedException;
    }
}
