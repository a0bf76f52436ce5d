package com.convene.backend.analytics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.time.Duration;

/// The analytics buffer (docs/decisions/022-analytics-buffer.md) as meters, read from [AnalyticsWriter] at scrape
/// time:
///
/// | meter (Prometheus name) | type | what |
/// |---|---|---|
/// | `convene_analytics_buffered_rows` | gauge | rows accepted and not yet in Cassandra (grows while it is down) |
/// | `convene_analytics_dropped_rows_total` | counter | rows refused because the buffer was full or analytics is off |
/// | `convene_analytics_written_rows_total` | counter | rows written |
/// | `convene_analytics_failed_writes_total` | counter | row writes that failed and were retried |
///
/// and `convene_cassandra_request_latency_seconds` (timer with histogram buckets, tag `operation=insert`): each
/// insert from send to answer, recorded by the writer.
@Singleton
final class AnalyticsMeterBinder implements MeterBinder {

    private final AnalyticsWriter writer;

    AnalyticsMeterBinder(AnalyticsWriter writer) {
        this.writer = writer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("convene.analytics.buffered.rows", writer, AnalyticsWriter::buffered)
                .description("Analytics rows buffered for Cassandra").register(registry);
        FunctionCounter.builder("convene.analytics.dropped.rows", writer, AnalyticsWriter::dropped)
                .description("Analytics rows refused (buffer full or analytics off)").register(registry);
        FunctionCounter.builder("convene.analytics.written.rows", writer, AnalyticsWriter::written)
                .description("Analytics rows written to Cassandra").register(registry);
        FunctionCounter.builder("convene.analytics.failed.writes", writer, AnalyticsWriter::failedAttempts)
                .description("Analytics row writes that failed and were retried").register(registry);
        writer.writeLatency(Timer.builder("convene.cassandra.request.latency")
                .description("Cassandra inserts of the analytics writer, from send to answer")
                .tag("operation", "insert")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry));
    }
}
