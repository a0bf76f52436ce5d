package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The host asks the server to stop recording. Everyone then gets [RecordingStopped]; a refusal is a
/// [SignalError] with this request id: `FORBIDDEN`, `RECORDING_NOT_RUNNING` or `NOT_JOINED`.
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
public record StopRecording(String requestId) implements Signal {
  /// Wire name.
  public static final String TYPE = "stop-recording";

  public StopRecording {
    requireNonBlank(requestId, "requestId");
  }
}
