package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// How a client shows one remote video track, so the SFU sends the layer that fits (docs/media-quality.md
/// "Simulcast").
///
/// @param participantId the publisher
/// @param trackId       its track id (as in [TrackInfo])
/// @param maxHeight     the tile's height in device pixels, 0 when the track is not on screen (nothing is sent);
///                      0–4,320
public record TrackReceiveSetting(String participantId, String trackId, int maxHeight) {

  public TrackReceiveSetting {
    requireNonBlank(participantId, "participantId");
    requireNonBlank(trackId, "trackId");
    if (maxHeight < 0 || maxHeight > 4_320) {
      throw new IllegalArgumentException("maxHeight must be 0-4320, got " + maxHeight);
    }
  }
}
