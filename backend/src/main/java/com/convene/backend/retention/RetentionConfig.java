package com.convene.backend.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/// Retention job settings, prefix `convene.retention`. The ages themselves are seed 000's (7 years for ended
/// meetings, 1 year for chat) and not configurable. The schedule is `convene.retention.cron` (a six-field cron
/// with seconds, default `0 30 3 * * *`, 03:30 every day in the JVM's zone).
///
/// @param enabled whether the scheduled run deletes anything on this node (default `true`); a manual
///                [RetentionJob#run()] always does
@ConfigurationProperties("convene.retention")
public record RetentionConfig(@Bindable(defaultValue = "true") boolean enabled) {
}
