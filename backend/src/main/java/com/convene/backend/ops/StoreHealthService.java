package com.convene.backend.ops;

import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.model.api.AdminHealthView;
import com.convene.model.api.StoreHealthView;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/// Checks each backing store the way the backend uses it and says which one is down, always within
/// [#CHECK_DEADLINE_MILLIS] (800 ms), whatever hangs (docs/decisions/088-store-deadlines.md):
///
/// | store | check | down means |
/// |---|---|---|
/// | PostgreSQL | a pooled connection answers `isValid` within 800 ms | sign-in, joins, chat fail; `/health` DOWN (503) |
/// | Redis | `PING` on the shared connection within 800 ms (fails at once while disconnected) | room state, presence and chat delivery degrade; running calls go on |
/// | Cassandra | the driver sees a node up | analytics rows are buffered ([AnalyticsWriter]) |
///
/// The PostgreSQL check runs on a virtual thread of its own and is shared by concurrent callers (one probe at a
/// time): a stopped or hung server answers DOWN after the deadline while the probe goes on waiting in the
/// background, so no caller ever waits for the pool's connection timeout and probes do not pile up. Thread-safe;
/// each method blocks its caller at most the deadline.
@Singleton
public final class StoreHealthService {

    /// Overall status when Redis or Cassandra is down but calls go on.
    public static final String DEGRADED = "DEGRADED";
    /// Longest wait for one store's answer, ms.
    static final long CHECK_DEADLINE_MILLIS = 800;

    private final DataSource dataSource;
    private final StatefulRedisConnection<String, String> redis;
    private final CassandraConnector cassandra;
    private final AnalyticsWriter analytics;
    private final Clock clock;
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("store-health-", 0).factory());
    /// The PostgreSQL probe in flight, if any; a new one starts only when it has finished.
    private final AtomicReference<CompletableFuture<StoreHealthView>> postgresProbe = new AtomicReference<>();

    StoreHealthService(DataSource dataSource, StatefulRedisConnection<String, String> redis,
                       CassandraConnector cassandra, AnalyticsWriter analytics, Clock clock) {
        // the pool itself, not Micronaut Data's transaction-aware wrapper (which wants a surrounding transaction)
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.redis = redis;
        this.cassandra = cassandra;
        this.analytics = analytics;
        this.clock = clock;
    }

    /// Runs all three checks concurrently; returns within about [#CHECK_DEADLINE_MILLIS].
    public AdminHealthView check() {
        CompletableFuture<StoreHealthView> postgres = postgresAsync();
        CompletableFuture<StoreHealthView> redisHealth = redisAsync();
        StoreHealthView cassandraHealth = cassandra();
        StoreHealthView pg = await(postgres, "PostgreSQL");
        StoreHealthView rd = await(redisHealth, "Redis");
        String status;
        if (!pg.status().equals(StoreHealthView.UP)) {
            status = StoreHealthView.DOWN;
        } else if (rd.status().equals(StoreHealthView.DOWN)
                || cassandraHealth.status().equals(StoreHealthView.DOWN)) {
            status = DEGRADED;
        } else {
            status = StoreHealthView.UP;
        }
        return new AdminHealthView(status, pg, rd, cassandraHealth, clock.instant());
    }

    /// PostgreSQL: a pooled connection that answers `isValid`; DOWN after [#CHECK_DEADLINE_MILLIS].
    public StoreHealthView postgres() {
        return await(postgresAsync(), "PostgreSQL");
    }

    /// PostgreSQL's check without blocking: completes with UP or DOWN, at the latest after the deadline.
    public CompletableFuture<StoreHealthView> postgresAsync() {
        CompletableFuture<StoreHealthView> probe = postgresProbe.get();
        if (probe == null || probe.isDone()) {
            CompletableFuture<StoreHealthView> fresh = new CompletableFuture<>();
            if (postgresProbe.compareAndSet(probe, fresh)) {
                try {
                    probes.execute(() -> fresh.complete(probePostgres()));
                } catch (RuntimeException e) {
                    fresh.complete(new StoreHealthView(StoreHealthView.DOWN, "check not started: " + e));
                }
            }
            probe = postgresProbe.get();
        }
        return probe.copy().completeOnTimeout(new StoreHealthView(StoreHealthView.DOWN,
                "no answer within " + CHECK_DEADLINE_MILLIS + " ms"), CHECK_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private StoreHealthView probePostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2)
                    ? new StoreHealthView(StoreHealthView.UP, "connection valid")
                    : new StoreHealthView(StoreHealthView.DOWN, "connection did not answer");
        } catch (SQLException | RuntimeException e) {
            return new StoreHealthView(StoreHealthView.DOWN, "no connection: " + e.getClass().getSimpleName());
        }
    }

    /// Redis: `PING` on the shared connection; DOWN after [#CHECK_DEADLINE_MILLIS].
    public StoreHealthView redis() {
        return await(redisAsync(), "Redis");
    }

    private CompletableFuture<StoreHealthView> redisAsync() {
        try {
            return redis.async().ping().toCompletableFuture()
                    .handle((pong, error) -> {
                        if (error == null) {
                            return "PONG".equals(pong) ? new StoreHealthView(StoreHealthView.UP, "PING answered")
                                    : new StoreHealthView(StoreHealthView.DOWN, "unexpected PING answer");
                        }
                        Throwable cause = error instanceof ExecutionException && error.getCause() != null
                                ? error.getCause() : error;
                        return new StoreHealthView(StoreHealthView.DOWN, "PING failed: "
                                + cause.getClass().getSimpleName()
                                + (redis.isOpen() ? "" : " (disconnected, reconnecting)"));
                    })
                    .completeOnTimeout(new StoreHealthView(StoreHealthView.DOWN,
                            "PING not answered within " + CHECK_DEADLINE_MILLIS + " ms"),
                            CHECK_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    new StoreHealthView(StoreHealthView.DOWN, "PING failed: " + e.getClass().getSimpleName()));
        }
    }

    /// Cassandra: a node up as the driver sees it; the detail carries the analytics buffer's figures. Never blocks.
    public StoreHealthView cassandra() {
        String buffer = "buffered=" + analytics.buffered() + " dropped=" + analytics.dropped();
        if (!cassandra.enabled()) {
            return new StoreHealthView(StoreHealthView.DISABLED, "convene.cassandra.enabled=false; " + buffer);
        }
        if (cassandra.isUp()) {
            return new StoreHealthView(StoreHealthView.UP, "node up; " + buffer);
        }
        return new StoreHealthView(StoreHealthView.DOWN, "no node up, rows buffered; " + buffer);
    }

    private static StoreHealthView await(CompletableFuture<StoreHealthView> check, String store) {
        try {
            return check.get(CHECK_DEADLINE_MILLIS + 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StoreHealthView(StoreHealthView.DOWN, store + " check interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new StoreHealthView(StoreHealthView.DOWN, store + " check failed: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        probes.shutdownNow();
    }
}
