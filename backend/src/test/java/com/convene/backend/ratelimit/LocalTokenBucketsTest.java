package com.convene.backend.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/// The node-local fallback buckets: the same burst, refill and refund arithmetic as the Redis script, on a clock
/// the test sets.
class LocalTokenBucketsTest {
  private final LocalTokenBuckets buckets = new LocalTokenBuckets();
  private final RateLimitConfig.BucketSpec spec = new RateLimitConfig.BucketSpec(3, Duration.ofMillis(1_000));

  @Test
  void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("k", spec, 1, 10_000).allowed()).isTrue();
    }
    RateVerdict refused = buckets.take("k", spec, 1, 10_250);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterMillis()).isEqualTo(750);
    assertThat(refused.local()).isTrue();
    assertThat(buckets.take("k", spec, 1, 11_000).allowed()).isTrue();
    assertThat(buckets.take("k", spec, 1, 11_001).allowed()).isFalse();
  }

  @Test
  void aRefundGivesOneTokenBackButNeverBeyondTheCapacity() {
    for (int i = 0; i < 3; i++) {
      buckets.take("k", spec, 1, 0);
    }
    buckets.take("k", spec, -1, 0);
    assertThat(buckets.take("k", spec, 1, 0).allowed()).isTrue();
    assertThat(buckets.take("k", spec, 1, 0).allowed()).isFalse();

    buckets.take("full", spec, -1, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("full", spec, 1, 0).allowed()).isTrue();
    }
    assertThat(buckets.take("full", spec, 1, 0).allowed()).isFalse();
  }

  @Test
  void keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      buckets.take("a", spec, 1, 0);
    }
    assertThat(buckets.take("a", spec, 1, 0).allowed()).isFalse();
    assertThat(buckets.take("b", spec, 1, 0).allowed()).isTrue();
  }
}
