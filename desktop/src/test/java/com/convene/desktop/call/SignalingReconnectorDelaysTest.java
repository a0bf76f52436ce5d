package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// [SignalingReconnector#RETRY_DELAYS] (issue 12, item 7): the first retries come within 1 s, no wait is ever longer
/// than 1 s (so the network's return is noticed within about a second at any point of an outage), and the waits are
/// jittered, also once capped, so clients of a restarted server do not all come back in the same millisecond.
class SignalingReconnectorDelaysTest {

  @Test
  void firstRetriesComeWithinASecondAndNoWaitIsLonger() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(SignalingReconnector.RETRY_DELAYS.apply(1)).isBetween(125L, 375L);
      assertThat(SignalingReconnector.RETRY_DELAYS.apply(2)).isBetween(250L, 750L);
      for (int attempt = 3; attempt <= 60; attempt++) {
        assertThat(SignalingReconnector.RETRY_DELAYS.apply(attempt)).isBetween(500L, 1_000L);
      }
    }
  }

  @Test
  void cappedWaitsAreStillJittered() {
    Set<Long> waits = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      waits.add(SignalingReconnector.RETRY_DELAYS.apply(20));
    }
    assertThat(waits).as("distinct waits at attempt 20 out of 200").hasSizeGreaterThan(50);
  }
}
