package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The host asks the server to record the meeting. Everyone, the host included, then gets [RecordingStarted];
/// a refusal is a [SignalError] with this request id: `FORBIDDEN` (not the host), `RECORDING_DISABLED`
/// (the meeting's `recording_enabled` is false), `RECORDING_ALREADY_RUNNING` or `NOT_JOINED`.
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
public record StartRecording(String requestId) implements Signal {
  /// Wire name.
  public static final String TYPE = "start-recording";

  public StartRecording {
    requireNonBlank(requestId, "requestId");
  }
}
