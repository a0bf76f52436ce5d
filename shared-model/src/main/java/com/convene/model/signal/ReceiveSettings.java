package com.convene.model.signal;

import java.util.List;

/// A client's view of the remote video it receives: which tracks are on screen and how large (client → server).
/// Sent when tiles appear, disappear or change size; each message replaces the settings of the tracks it names.
/// Tracks never named are sent in their best layer. The server answers nothing; a track the client does not
/// receive is ignored.
///
/// @param tracks one setting per track, at most 100
public record ReceiveSettings(List<TrackReceiveSetting> tracks) implements Signal {
  /// Wire name.
  public static final String TYPE = "receive-settings";
  /// Most settings in one message.
  public static final int MAX_TRACKS = 100;

  public ReceiveSettings {
    tracks = List.copyOf(tracks);
    if (tracks.size() > MAX_TRACKS) {
      throw new IllegalArgumentException("at most " + MAX_TRACKS + " tracks, got " + tracks.size());
    }
  }
}
