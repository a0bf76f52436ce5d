package com.convene.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SfuConfigTest {

    @Test
    void acceptsValidConfig() {
        SfuConfig config = new SfuConfig("0.0.0.0", 10000, List.of("203.0.113.7"), Duration.ofMillis(500));
        assertThat(config.advertisedAddresses()).containsExactly("203.0.113.7");
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(() -> new SfuConfig(" ", 0, List.of("a"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SfuConfig("0.0.0.0", 70000, List.of("a"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SfuConfig("0.0.0.0", 0, List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SfuConfig("0.0.0.0", 0, List.of("a b"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SfuConfig("0.0.0.0", 0, List.of("a"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
