package com.convene.backend.analytics;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Owns the one `CqlSession` of the backend, built from [CassandraConfig] with the Apache Cassandra Java
/// driver; the Micronaut factory role micronaut-cassandra would play (docs/decisions/021).
///
/// Connecting never blocks start-up: a platform thread tries every `reconnect-delay` until a node answers,
/// then applies [CassandraSchema] and publishes the session with its [AnalyticsStatements]. Until then
/// [#statements()] is empty and writers keep their rows buffered. Once connected, the driver itself reconnects to
/// nodes that go away and come back. Thread-safe.
@Context
public final class CassandraConnector {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraConnector.class);

    private final CassandraConfig config;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile @Nullable CqlSession session;
    private volatile @Nullable AnalyticsStatements statements;
    private volatile @Nullable String lastError;
    private volatile boolean closed;
    private final @Nullable Thread connectThread;

    CassandraConnector(CassandraConfig config) {
        this.config = config;
        if (config.enabled()) {
            connectThread = Thread.ofPlatform().daemon().name("cassandra-connect").start(this::connectLoop);
        } else {
            connectThread = null;
            lastError = "disabled (convene.cassandra.enabled=false)";
        }
    }

    private void connectLoop() {
        while (!closed) {
            try {
                CqlSession s = build(config);
                try {
                    new CassandraSchema(s, config).apply();
                    AnalyticsStatements prepared = new AnalyticsStatements(s, config);
                    session = s;
                    statements = prepared;
                    lastError = null;
                    ready.countDown();
                    LOG.info("Cassandra connected contactPoints={} keyspace={}", config.contactPoints(),
                            config.keyspace());
                    return;
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("Cassandra not reachable yet contactPoints={}: {}", config.contactPoints(), e.toString());
                try {
                    Thread.sleep(config.reconnectDelay().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /// Builds a session (no keyspace) from the configuration; used here and by the benchmark.
    public static CqlSession build(CassandraConfig config) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String point : config.contactPoints()) {
            int colon = point.lastIndexOf(':');
            points.add(colon < 0
                    ? InetSocketAddress.createUnresolved(point, 9042)
                    : new InetSocketAddress(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1))));
        }
        Duration timeout = config.requestTimeout();
        DriverConfigLoader loader = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5))
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
                .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
                .build();
        return CqlSession.builder()
                .addContactPoints(points)
                .withLocalDatacenter(config.localDatacenter())
                .withConfigLoader(loader)
                .build();
    }

    /// Builds a session and applies the versioned schema steps to `config.keyspace()`; for tools (the benchmark)
    /// that need the analytics tables without a running backend. The caller closes the session.
    public static CqlSession connectAndMigrate(CassandraConfig config) {
        CqlSession s = build(config);
        try {
            new CassandraSchema(s, config).apply();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /// The prepared statements, once connected and migrated.
    public Optional<AnalyticsStatements> statements() {
        return Optional.ofNullable(statements);
    }

    /// The session, once connected and migrated.
    public Optional<CqlSession> session() {
        return Optional.ofNullable(session);
    }

    /// Waits up to `timeout` for the first connection; returns whether connected.
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /// Why there is no session (last connection error), if there is none.
    /// Whether Cassandra is switched on (`convene.cassandra.enabled`).
    public boolean enabled() {
        return config.enabled();
    }

    /// Whether the session is connected and the driver sees at least one node up. Never blocks.
    public boolean isUp() {
        CqlSession s = session;
        return s != null && s.getMetadata().getNodes().values().stream()
                .anyMatch(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP);
    }

    /// Why the last connection attempt failed, while not connected.
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    CassandraConfig config() {
        return config;
    }

    @PreDestroy
    void close() {
        closed = true;
        if (connectThread != null) {
            connectThread.interrupt();
        }
        CqlSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
