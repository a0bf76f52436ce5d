package com.convene.backend.analytics;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The [MeetingEventSink]: a bounded in-memory buffer of analytics rows and one flusher thread that writes them to
/// Cassandra with up to `max-in-flight` asynchronous prepared inserts at a time.
///
/// When Cassandra is unreachable (not yet connected, or a write fails) the rows stay buffered in order and the
/// flusher retries every `reconnect-delay`, so a row accepted by [#record] is written once Cassandra is back
/// (writes are idempotent upserts, so a retry after a half-applied attempt is harmless). Only when the buffer
/// (`buffer-capacity` rows) is full are new rows refused, and counted in [#dropped()]. Rows buffered when the
/// JVM stops are lost; the buffer is not persisted (docs/decisions/022-analytics-buffer.md).
///
/// [#record] is thread-safe and never blocks; the flusher is the only consumer.
@Singleton
public final class AnalyticsWriter implements MeetingEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsWriter.class);

    private final CassandraConnector connector;
    private final CassandraConfig config;
    private final BlockingQueue<AnalyticsRow> queue;
    private final ArrayDeque<AnalyticsRow> retry = new ArrayDeque<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong inRetry = new AtomicLong();
    private volatile long lastDropWarnNanos;
    private volatile boolean closed;
    private boolean failing;
    private final Thread flusher;
    private volatile @Nullable Timer writeLatency;

    AnalyticsWriter(CassandraConnector connector) {
        this.connector = connector;
        this.config = connector.config();
        this.queue = new ArrayBlockingQueue<>(config.bufferCapacity());
        this.flusher = Thread.ofPlatform().daemon().name("analytics-flusher").start(this::flushLoop);
    }

    @Override
    public boolean record(MeetingEvent event) {
        return offer(event);
    }

    @Override
    public boolean record(QualitySample sample) {
        return offer(sample);
    }

    private boolean offer(AnalyticsRow row) {
        if (!config.enabled() || closed || !queue.offer(row)) {
            dropped.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastDropWarnNanos > TimeUnit.SECONDS.toNanos(10)) {
                lastDropWarnNanos = now;
                LOG.warn("Analytics row dropped (buffer full or analytics off) buffered={} dropped={}", buffered(),
                        dropped.get());
            }
            return false;
        }
        return true;
    }

    /// Sets the timer of Cassandra insert latencies ([AnalyticsMeterBinder]); until then nothing is timed.
    void writeLatency(Timer timer) {
        this.writeLatency = timer;
    }

    /// Rows accepted but not yet written (queue plus retries).
    public long buffered() {
        return queue.size() + inRetry.get();
    }

    /// Rows written since start.
    public long written() {
        return written.get();
    }

    /// Rows refused since start because the buffer was full or analytics is off.
    public long dropped() {
        return dropped.get();
    }

    /// Write attempts that failed and were retried.
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /// Waits until every accepted row is written, up to `timeout`; returns whether the buffer emptied.
    public boolean awaitFlushed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (buffered() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void flushLoop() {
        List<AnalyticsRow> batch = new ArrayList<>(config.maxInFlight());
        while (!closed) {
            try {
                if (batch.isEmpty()) {
                    AnalyticsRow first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, config.maxInFlight() - 1);
                    inRetry.set(batch.size());
                }
                var statements = connector.statements();
                var session = connector.session();
                if (statements.isEmpty() || session.isEmpty()) {
                    Thread.sleep(config.reconnectDelay().toMillis());
                    continue;
                }
                List<AnalyticsRow> failed = write(session.get(), statements.get(), batch);
                written.addAndGet(batch.size() - failed.size());
                batch.clear();
                batch.addAll(failed);
                inRetry.set(batch.size());
                if (!failed.isEmpty()) {
                    failedAttempts.addAndGet(failed.size());
                    if (!failing) {
                        failing = true;
                        LOG.warn("Cassandra writes failing; keeping rows buffered and retrying buffered={}",
                                buffered());
                    }
                    Thread.sleep(config.reconnectDelay().toMillis());
                } else if (failing) {
                    failing = false;
                    LOG.info("Cassandra writes resumed buffered={} written={}", buffered(), written.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Analytics flush failed, retrying buffered={}", buffered(), e);
                try {
                    Thread.sleep(config.reconnectDelay().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private List<AnalyticsRow> write(CqlSession session, AnalyticsStatements statements, List<AnalyticsRow> rows)
            throws InterruptedException {
        List<CompletableFuture<Boolean>> results = new ArrayList<>(rows.size());
        for (AnalyticsRow row : rows) {
            List<BoundStatement> bound = statements.bind(row);
            CompletableFuture<?>[] parts = new CompletableFuture<?>[bound.size()];
            for (int i = 0; i < parts.length; i++) {
                long sentNanos = System.nanoTime();
                CompletionStage<AsyncResultSet> stage = session.executeAsync(bound.get(i));
                Timer latency = writeLatency;
                parts[i] = latency == null ? stage.toCompletableFuture() : stage.toCompletableFuture()
                        .whenComplete((ok, error) -> latency.record(System.nanoTime() - sentNanos,
                                TimeUnit.NANOSECONDS));
            }
            results.add(CompletableFuture.allOf(parts).handle((ok, error) -> error == null));
        }
        List<AnalyticsRow> failed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean ok;
            try {
                ok = results.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
                ok = false;
            }
            if (!ok) {
                failed.add(rows.get(i));
            }
        }
        return failed;
    }

    @PreDestroy
    void close() {
        closed = true;
        flusher.interrupt();
        if (buffered() > 0) {
            LOG.warn("Analytics writer stopping with unwritten rows buffered={}", buffered());
        }
    }
}
