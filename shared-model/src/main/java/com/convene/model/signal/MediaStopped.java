package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

/// Tells a participant that the server turned one of its media off; the client stops or mutes that track
/// (and reports it with [SetMediaState]).
/// @param source what was turned off
/// @param reason stable reason word: `host` (a host control) or `mute-on-entry` (the meeting's rule at join)
public record MediaStopped(MediaSource source, String reason) implements Signal {
  /// Wire name.
  public static final String TYPE = "media-stopped";

  public MediaStopped {
    requireNonNull(source, "source");
    requireNonBlank(reason, "reason");
  }
}
