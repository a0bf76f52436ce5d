package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonNull;

/// A track ended (its publisher stopped it or left); a [SubscribeOffer] without it follows.
/// @param track the ended track
public record TrackUnpublished(TrackInfo track) implements Signal {
  /// Wire name.
  public static final String TYPE = "track-unpublished";

  public TrackUnpublished {
    requireNonNull(track, "track");
  }
}
