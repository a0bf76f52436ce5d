package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

/// Another participant published a track; a [SubscribeOffer] carrying it follows.
/// @param track the new track
public record TrackPublished(TrackInfo track) implements Signal {
  /// Wire name.
  public static final String TYPE = "track-published";

  public TrackPublished {
    requireNonNull(track, "track");
  }
}
