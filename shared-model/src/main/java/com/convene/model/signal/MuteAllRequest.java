package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Host control: mute every participant except the sender; each gets [MediaStopped] (microphone, `host`).
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
public record MuteAllRequest(String requestId) implements Signal {
  /// Wire name.
  public static final String TYPE = "mute-all";

  public MuteAllRequest {
    requireNonBlank(requestId, "requestId");
  }
}
