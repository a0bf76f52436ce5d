package com.convene.backend.signaling;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/// Counters of the signaling edge: undecodable frames (dropped with a typed error), wrong meeting passwords and
/// sockets closed because their account was disabled.
@Singleton
public final class SignalingMetrics {
  private final LongAdder malformedFrames = new LongAdder();
  private final LongAdder wrongMeetingPasswords = new LongAdder();
  private final LongAdder disabledAccountDisconnects = new LongAdder();

  void malformedFrame() {
    malformedFrames.increment();
  }

  void wrongMeetingPassword() {
    wrongMeetingPasswords.increment();
  }

  void disabledAccountDisconnect() {
    disabledAccountDisconnects.increment();
  }

  /// Joins refused with `MEETING_PASSWORD_WRONG` since start.
  public long wrongMeetingPasswords() {
    return wrongMeetingPasswords.sum();
  }

  /// Signaling sockets closed with 4403 because their account was disabled, since start.
  public long disabledAccountDisconnects() {
    return disabledAccountDisconnects.sum();
  }

  /// Frames answered with `MALFORMED_MESSAGE` since start.
  public long malformedFrames() {
    return malformedFrames.sum();
  }
}
