package com.convene.backend.ops;

import com.convene.backend.analytics.AnalyticsWriter;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.model.api.AdminHealthView;
import com.convene.model.api.StoreHealthView;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/// Checks each backing store the way the backend uses it and says which one is down:
///
/// | store | check | down means |
/// |---|---|---|
/// | PostgreSQL | a pooled connection answers `isValid` within 2 s | sign-in, joins, chat fail; `/health` DOWN |
/// | Redis | `PING` on the shared connection within 2 s (fails at once while disconnected) | room state, presence and chat delivery degrade; running calls go on |
/// | Cassandra | the driver sees a node up | analytics rows are buffered ([AnalyticsWriter]) |
///
/// Blocking (up to about 2 s per store, PostgreSQL up to the pool's connection timeout): call from a blocking
/// executor. Thread-safe.
@Singleton
public final class StoreHealthService {

    /// Overall status when Redis or Cassandra is down but calls go on.
    public static final String DEGRADED = "DEGRADED";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final StatefulRedisConnection<String, String> redis;
    private final CassandraConnector cassandra;
    private final AnalyticsWriter analytics;
    private final Clock clock;

    StoreHealthService(DataSource dataSource, StatefulRedisConnection<String, String> redis,
                       CassandraConnector cassandra, AnalyticsWriter analytics, Clock clock) {
        // the pool itself, not Micronaut Data's transaction-aware wrapper (which wants a surrounding transaction)
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.redis = redis;
        this.cassandra = cassandra;
        this.analytics = analytics;
        this.clock = clock;
    }

    /// Runs all three checks.
    public AdminHealthView check() {
        StoreHealthView postgres = postgres();
        StoreHealthView redisHealth = redis();
        StoreHealthView cassandraHealth = cassandra();
        String status;
        if (!postgres.status().equals(StoreHealthView.UP)) {
            status = StoreHealthView.DOWN;
        } else if (redisHealth.status().equals(StoreHealthView.DOWN)
                || cassandraHealth.status().equals(StoreHealthView.DOWN)) {
            status = DEGRADED;
        } else {
            status = StoreHealthView.UP;
        }
        return new AdminHealthView(status, postgres, redisHealth, cassandraHealth, clock.instant());
    }

    /// PostgreSQL: a pooled connection that answers `isValid`.
    public StoreHealthView postgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) CHECK_TIMEOUT.toSeconds())
                    ? new StoreHealthView(StoreHealthView.UP, "connection valid")
                    : new StoreHealthView(StoreHealthView.DOWN, "connection did not answer within 2 s");
        } catch (SQLException | RuntimeException e) {
            return new StoreHealthView(StoreHealthView.DOWN, "no connection: " + e.getClass().getSimpleName());
        }
    }

    /// Redis: `PING` on the shared connection.
    public StoreHealthView redis() {
        try {
            String pong = redis.async().ping().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return "PONG".equals(pong) ? new StoreHealthView(StoreHealthView.UP, "PING answered")
                    : new StoreHealthView(StoreHealthView.DOWN, "unexpected PING answer");
        } catch (ExecutionException e) {
            return new StoreHealthView(StoreHealthView.DOWN, "PING failed: " + e.getCause().getClass().getSimpleName()
                    + (redis.isOpen() ? "" : " (disconnected, reconnecting)"));
        } catch (TimeoutException e) {
            return new StoreHealthView(StoreHealthView.DOWN, "PING not answered within 2 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StoreHealthView(StoreHealthView.DOWN, "check interrupted");
        } catch (RuntimeException e) {
            return new StoreHealthView(StoreHealthView.DOWN, "PING failed: " + e.getClass().getSimpleName());
        }
    }

    /// Cassandra: a node up as the driver sees it; the detail carries the analytics buffer's figures.
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
}
