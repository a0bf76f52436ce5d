package com.convene.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsMetricsButNotFunctionsLabelsOrDurations() {
        assertThat(PromQlMetricNames.of(
                "histogram_quantile(0.95, sum by (le, command) (rate(lettuce_command_completion_seconds_bucket"
                        + "[$__rate_interval])))"))
                .containsExactly("lettuce_command_completion_seconds_bucket");
        assertThat(PromQlMetricNames.of("sum(jvm_memory_used_bytes{area=\"heap\", id=~\"G1.*\"}) / "
                + "clamp_min(rate(a_total[5m] offset 1h), 1e-9) and on (instance) up"))
                .containsExactly("jvm_memory_used_bytes", "a_total", "up");
    }
}
