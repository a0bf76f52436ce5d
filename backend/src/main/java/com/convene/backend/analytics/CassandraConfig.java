package com.convene.backend.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/// Cassandra connection and analytics-table settings, prefix `convene.cassandra`.
///
/// @param enabled          whether the backend talks to Cassandra at all; when `false` analytics events are
///                         counted as dropped (default `true`)
/// @param contactPoints    `host:port` of one or more nodes (default `127.0.0.1:9042`; dev services set theirs)
/// @param localDatacenter  the driver's local datacenter, e.g. `datacenter1` for a SimpleSnitch node
/// @param keyspace         keyspace of the analytics tables (default `convene`)
/// @param replication      CQL replication map used when the keyspace is created, e.g.
///                         `{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}` in production (seed 000: RF=3
///                         per DC); default `{'class': 'SimpleStrategy', 'replication_factor': 1}`
/// @param requestTimeout   per-request timeout, 100 ms–60 s (default `5s`)
/// @param reconnectDelay   pause between connection attempts while Cassandra is unreachable (default `2s`)
/// @param eventTtl         TTL of `meeting_events` and `meeting_events_hourly` rows (seed 000: 1 year, `365d`)
/// @param metricsTtl       TTL of `call_quality_metrics` rows (seed 000: 30 days, `30d`)
/// @param bufferCapacity   analytics rows held in memory while Cassandra is slow or down, 1,000–10,000,000
///                         (default 200,000); beyond it new rows are dropped and counted
/// @param maxInFlight      concurrent asynchronous writes of the flusher, 1–1,024 (default 128)
@ConfigurationProperties("convene.cassandra")
public record CassandraConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "127.0.0.1:9042") @NotEmpty List<String> contactPoints,
        @Bindable(defaultValue = "datacenter1") @NotBlank String localDatacenter,
        @Bindable(defaultValue = "convene") @NotBlank String keyspace,
        @Bindable(defaultValue = "{'class': 'SimpleStrategy', 'replication_factor': 1}") @NotBlank String replication,
        @Bindable(defaultValue = "5s") @NotNull Duration requestTimeout,
        @Bindable(defaultValue = "2s") @NotNull Duration reconnectDelay,
        @Bindable(defaultValue = "365d") @NotNull Duration eventTtl,
        @Bindable(defaultValue = "30d") @NotNull Duration metricsTtl,
        @Bindable(defaultValue = "200000") @Min(1000) @Max(10_000_000) int bufferCapacity,
        @Bindable(defaultValue = "128") @Min(1) @Max(1024) int maxInFlight) {
}
