package com.convene.backend.signaling;

import com.convene.model.signal.Signal;
import java.util.ArrayList;
import java.util.List;

/// The messages a detached participant could not be sent, kept in order for the replay after a resume.
///
/// Bounded: past `capacity` messages nothing more is kept and [#overflowed()] turns true, because a replay with
/// a gap would leave the client with a wrong picture of the room; such a participant cannot resume. Confined to
/// its session's thread.
final class MissedSignals {
  private final int capacity;
  private final List<Signal> signals = new ArrayList<>();
  private boolean overflowed;

  /// @param capacity most messages kept, 1 or more
  MissedSignals(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /// Keeps `signal` unless full; the first message too many marks the buffer overflowed and frees it.
  void add(Signal signal) {
    if (overflowed) {
      return;
    }
    if (signals.size() >= capacity) {
      overflowed = true;
      signals.clear();
      return;
    }
    signals.add(signal);
  }

  /// Whether a message was dropped: the replay would have a gap.
  boolean overflowed() {
    return overflowed;
  }

  /// The kept messages in arrival order.
  List<Signal> messages() {
    return List.copyOf(signals);
  }
}
