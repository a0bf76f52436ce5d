package com.convene.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/// [RedisBreaker]'s rules (docs/decisions/088-store-deadlines.md): commands that got no answer open it, an open
/// breaker refuses without running the command, a Redis error reply counts as an answer, and after the open time one
/// probe that succeeds closes it again.
class RedisBreakerTest {

  private final RedisBreaker breaker = new RedisBreaker(new RedisDeadlineConfig(
      Duration.ofMillis(300), Duration.ofMillis(200), 4, 1024));
  private final AtomicInteger sent = new AtomicInteger();

  @Test
  void twoUnansweredCommandsOpenItAndItRefusesWithoutSending() {
    breaker.call(this::answer);
    breaker.call(this::answer);
    timeOut();
    assertThat(breaker.open()).as("one timeout among three is not enough").isFalse();
    timeOut();

    assertThat(breaker.open()).isTrue();
    int before = sent.get();
    assertThatThrownBy(() -> breaker.call(this::answer)).isInstanceOf(RedisUnavailableException.class);
    assertThat(sent.get()).as("nothing sent while open").isEqualTo(before);
    assertThat(breaker.refused()).isEqualTo(1);
  }

  @Test
  void errorRepliesProveRedisAnswers() {
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> breaker.call(() -> {
        throw new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value");
      })).isInstanceOf(RedisCommandExecutionException.class);
    }
    assertThat(breaker.open()).isFalse();
  }

  @Test
  void aSuccessfulProbeAfterTheOpenTimeClosesIt() throws InterruptedException {
    timeOut();
    timeOut();
    assertThat(breaker.open()).isTrue();

    Thread.sleep(250); // the breaker's 200 ms open time, on the test thread
    assertThat(breaker.call(this::answer)).isEqualTo("PONG");

    assertThat(breaker.state()).isEqualTo("CLOSED");
    assertThat(breaker.call(this::answer)).isEqualTo("PONG");
  }

  private String answer() {
    sent.incrementAndGet();
    return "PONG";
  }

  private void timeOut() {
    assertThatThrownBy(() -> breaker.call(() -> {
      sent.incrementAndGet();
      throw new RedisCommandTimeoutException("Command timed out after 300 millisecond(s)");
    })).isInstanceOf(RedisCommandTimeoutException.class);
  }
}
