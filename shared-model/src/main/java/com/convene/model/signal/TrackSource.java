package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

/// Declares what a track in a [PublishOffer] carries.
/// @param trackId MediaStreamTrack id as in the offer's `a=msid`
/// @param source  camera, microphone or screen
public record TrackSource(String trackId, MediaSource source) {
  public TrackSource {
    requireNonBlank(trackId, "trackId");
    requireNonNull(source, "source");
  }
}
