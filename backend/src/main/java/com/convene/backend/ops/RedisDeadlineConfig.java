package com.convene.backend.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Deadlines of the shared Redis connection, prefix `convene.redis` (docs/decisions/088-store-deadlines.md).
///
/// @param commandTimeout longest wait of one synchronous command on the shared connection before it fails with
///                       `RedisCommandTimeoutException` (default `300ms`); `redis.timeout` stays the connect timeout
///                       and the deadline of the chat reader's own blocking connection
/// @param breakerOpen    how long Redis is treated as down (every command fails at once) after the breaker opened,
///                       before one probe command is let through (default `1s`)
/// @param breakerWindow  how many of the latest commands the breaker judges, 2–100 (default 4)
/// @param requestQueue   most commands one connection holds unanswered; beyond it a command fails at once instead
///                       of queueing behind a hung server (default 1024)
@ConfigurationProperties("convene.redis")
public record RedisDeadlineConfig(
        @Bindable(defaultValue = "300ms") @NotNull Duration commandTimeout,
        @Bindable(defaultValue = "1s") @NotNull Duration breakerOpen,
        @Bindable(defaultValue = "4") int breakerWindow,
        @Bindable(defaultValue = "1024") int requestQueue) {
}
