package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

/// Host control: turn off one participant's microphone (mute), camera or screen share. The target gets
/// [MediaStopped] with reason `host` and stops the track itself; the server marks the new state and everyone
/// gets [ParticipantUpdated]. Turning it back on stays the participant's own choice.
/// @param requestId     client-chosen id, echoed in a [SignalError] if refused
/// @param participantId the target's participant id
/// @param source        which media to stop
public record StopMediaRequest(String requestId, String participantId, MediaSource source) implements Signal {
  /// Wire name.
  public static final String TYPE = "stop-media";

  public StopMediaRequest {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(participantId, "participantId");
    requireNonNull(source, "source");
  }
}
