package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The meeting is being recorded: clients show a recording indicator. Sent to everyone in the room when a
/// recording starts, and to each later joiner right after [Joined] while it runs.
/// @param recordingId     the recording (REST `/api/v1/recordings/{id}`)
/// @param startedByUserId who started it (for `auto_record`, the host)
/// @param automatic       whether the meeting's `auto_record` started it
public record RecordingStarted(String recordingId, String startedByUserId, boolean automatic) implements Signal {
  /// Wire name.
  public static final String TYPE = "recording-started";

  public RecordingStarted {
    requireNonBlank(recordingId, "recordingId");
    requireNonBlank(startedByUserId, "startedByUserId");
  }
}
