package com.convene.desktop.call;

import io.github.resilience4j.core.IntervalFunction;

/// How long the app and the bot wait between attempts to get back into a call (issue 12, item 7).
public final class RetryDelays {

  /// Waits before attempts 1, 2, 3 … in ms: exponential from 250 ms (×2) with ±50 % jitter, capped by a jittered
  /// 500–1,000 ms. The first retries come within 1 s, the return of the network or of a restarted server is noticed
  /// within about 1 s at any point of an outage (a resume within 2 s of the network coming back), and the clients of
  /// a restarted server do not all come back in the same millisecond. resilience4j's [IntervalFunction]; attempt 1
  /// is the first retry.
  public static final IntervalFunction RECONNECT = new IntervalFunction() {
    private final IntervalFunction exponential = IntervalFunction.ofExponentialRandomBackoff(250, 2.0, 0.5);
    private final IntervalFunction cap = IntervalFunction.ofRandomized(750, 0.33);

    @Override
    public Long apply(Integer attempt) {
      return Math.min(exponential.apply(attempt), cap.apply(attempt));
    }
  };

  private RetryDelays() {}
}
