package com.convene.backend.signaling;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/// Counters of the signaling edge: frames that could not be decoded are dropped with a typed error and counted.
@Singleton
public final class SignalingMetrics {
  private final LongAdder malformedFrames = new LongAdder();

  void malformedFrame() {
    malformedFrames.increment();
  }

  /// Frames answered with `MALFORMED_MESSAGE` since start.
  public long malformedFrames() {
    return malformedFrames.sum();
  }
}
