package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The client changed its own mute, camera or screen-share state; everyone gets [ParticipantUpdated].
/// @param requestId     client-chosen id, echoed in a [SignalError] if refused
/// @param audioMuted    microphone muted
/// @param videoMuted    camera off
/// @param screenSharing screen share running
public record SetMediaState(
    String requestId, boolean audioMuted, boolean videoMuted, boolean screenSharing) implements Signal {
  /// Wire name.
  public static final String TYPE = "set-media-state";

  public SetMediaState {
    requireNonBlank(requestId, "requestId");
  }
}
