package com.convene.backend.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/// Usage analytics settings, prefix `convene.analytics`.
///
/// @param region         region of this backend node, recorded on each join it admits and used as the `region`
///                       dimension of `daily_usage_stats` (e.g. `eu-central-1`; default `local`), 1–50 characters
/// @param rollupEnabled  whether the daily roll-up job runs on this node (default `true`; it is idempotent, so
///                       several nodes running it is harmless)
/// @param rollupDaysBack how many past UTC days each roll-up run (re)computes, 1–31 (default 2: yesterday, and the
///                       day before for late leaves)
/// @param maxPageSize    largest `limit` the analytics REST API accepts, 10–10,000 (default 1,000)
@ConfigurationProperties("convene.analytics")
public record AnalyticsConfig(
        @Bindable(defaultValue = "local") @NotBlank @Pattern(regexp = ".{1,50}") String region,
        @Bindable(defaultValue = "true") boolean rollupEnabled,
        @Bindable(defaultValue = "2") @Min(1) @Max(31) int rollupDaysBack,
        @Bindable(defaultValue = "1000") @Min(10) @Max(10_000) int maxPageSize) {
}
