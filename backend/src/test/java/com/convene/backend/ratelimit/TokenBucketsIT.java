package com.convene.backend.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The Redis token buckets against the real Redis: the burst, the refusal with its wait, a refund, the key's
/// expiry once the bucket would be full again, and that the answer came from Redis, not the local fallback.
@MicronautTest(transactional = false)
class TokenBucketsIT extends BackendTestSupport {
  @Inject TokenBuckets buckets;
  @Inject RateLimitConfig config;
  @Inject StatefulRedisConnection<String, String> redis;

  /// The first asynchronous command of a fresh application context may miss the 300 ms deadline on a loaded
  /// machine (class loading, JIT) and be answered by the local fallback; warm the path up first.
  @org.junit.jupiter.api.BeforeAll
  void warmUp() {
    for (int i = 0; i < 5; i++) {
      buckets.take(RateLimitedAction.CHAT, "warm-up-" + UUID.randomUUID()).join();
    }
  }

  @Test
  void takesTheBurstRefusesWithTheWaitAndExpiresTheKey() {
    String scope = UUID.randomUUID() + ":" + UUID.randomUUID();
    for (int i = 0; i < config.chatBurst(); i++) {
      RateVerdict v = buckets.take(RateLimitedAction.CHAT, scope).join();
      assertThat(v.allowed()).isTrue();
      assertThat(v.local()).isFalse();
    }
    RateVerdict refused = buckets.take(RateLimitedAction.CHAT, scope).join();
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.local()).isFalse();
    assertThat(refused.retryAfterMillis()).isBetween(1L, config.chatInterval().toMillis());

    buckets.refund(RateLimitedAction.CHAT, scope).join();
    assertThat(buckets.take(RateLimitedAction.CHAT, scope).join().allowed()).isTrue();

    long ttl = redis.sync().pttl(RateLimitedAction.CHAT.redisKey(scope));
    assertThat(ttl).isBetween(1L, config.chatBurst() * config.chatInterval().toMillis() + 1_000);
  }

  @Test
  void bucketsOfOtherScopesAndActionsAreApart() {
    String scope = UUID.randomUUID().toString();
    for (int i = 0; i < config.handBurst(); i++) {
      buckets.take(RateLimitedAction.HAND, scope).join();
    }
    assertThat(buckets.take(RateLimitedAction.HAND, scope).join().allowed()).isFalse();
    assertThat(buckets.take(RateLimitedAction.REACTION, scope).join().allowed()).isTrue();
    assertThat(buckets.take(RateLimitedAction.HAND, scope + "-other").join().allowed()).isTrue();
  }
}
