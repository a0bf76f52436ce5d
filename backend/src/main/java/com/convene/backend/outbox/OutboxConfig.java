package com.convene.backend.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;

/// The PostgreSQL outbox's settings, prefix `convene.outbox` (docs/decisions/089-postgresql-outbox.md).
///
/// @param directory  where the journal files live (local disk of this node; created if missing)
/// @param firstRetry wait after the first failed attempt; doubles after each failure (default `100ms`)
/// @param maxRetry   longest wait between attempts (default `2s`), so a write lands about 2 s after PostgreSQL returns
/// @param capacity   most writes waiting in memory for the journal; beyond it [PostgresOutbox#submit] refuses
///                   (default 100,000)
@ConfigurationProperties("convene.outbox")
public record OutboxConfig(
        @NotNull Path directory,
        @Bindable(defaultValue = "100ms") @NotNull Duration firstRetry,
        @Bindable(defaultValue = "2s") @NotNull Duration maxRetry,
        @Bindable(defaultValue = "100000") int capacity) {
}
