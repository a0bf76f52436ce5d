package com.convene.backend.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/// The bounds [LifecycleConfig] checks when the application context binds it.
class LifecycleConfigTest {
  private static LifecycleConfig config(Duration grace, Duration leaseTtl, Duration reaperInterval) {
    return new LifecycleConfig(grace, leaseTtl, reaperInterval, true, "");
  }

  @Test
  void acceptsTheDefaultsAndAZeroGrace() {
    assertThat(config(Duration.ofSeconds(120), Duration.ofSeconds(15), Duration.ofSeconds(30)).grace())
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(config(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(1)).grace()).isZero();
  }

  @Test
  void rejectsValuesOutsideTheirBounds() {
    assertThatThrownBy(() -> config(Duration.ofSeconds(-1), Duration.ofSeconds(15), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
    assertThatThrownBy(() -> config(Duration.ofHours(2), Duration.ofSeconds(15), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
    assertThatThrownBy(() -> config(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease-ttl");
    assertThatThrownBy(() -> config(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reaper-interval");
  }
}
