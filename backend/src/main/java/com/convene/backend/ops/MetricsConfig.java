package com.convene.backend.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/// Access to the Prometheus scrape endpoint, prefix `convene.metrics`.
///
/// @param scrapeToken a static bearer token that Prometheus sends (`authorization: credentials_file`) to read
///                    `/prometheus` and nothing else; at least 32 characters; only from the environment
///                    (`CONVENE_METRICS_SCRAPE_TOKEN`). Unset: only admins' access tokens may scrape.
@ConfigurationProperties("convene.metrics")
record MetricsConfig(@Nullable String scrapeToken) {
}
