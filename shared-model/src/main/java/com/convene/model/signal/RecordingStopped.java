package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The recording ended: clients hide the recording indicator.
/// @param recordingId the recording
/// @param reason      stable reason word: `stopped` (by the host or an admin), `failed`
public record RecordingStopped(String recordingId, String reason) implements Signal {
  /// Wire name.
  public static final String TYPE = "recording-stopped";

  public RecordingStopped {
    requireNonBlank(recordingId, "recordingId");
    requireNonBlank(reason, "reason");
  }
}
