package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Tells every participant who the room's dominant speaker is now, as the SFU finds it from the audio levels
/// publishers send (RFC 6464; docs/media-quality.md "Dominant speaker"). Sent at each change and once after joining
/// when someone is speaking. Clients put that participant on the stage in speaker view.
///
/// @param participantId the participant now speaking (possibly the receiver itself)
public record DominantSpeaker(String participantId) implements Signal {
  /// Wire name.
  public static final String TYPE = "dominant-speaker";

  public DominantSpeaker {
    requireNonBlank(participantId, "participantId");
  }
}
