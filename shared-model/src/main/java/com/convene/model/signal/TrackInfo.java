package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

/// A published media track as the others see it.
/// @param participantId publisher's participant id; also the MediaStream id in `a=msid`
/// @param trackId       MediaStreamTrack id from the publisher's `a=msid`
/// @param kind          audio or video
/// @param source        camera, microphone or screen
public record TrackInfo(String participantId, String trackId, MediaKind kind, MediaSource source) {
  public TrackInfo {
    requireNonBlank(participantId, "participantId");
    requireNonBlank(trackId, "trackId");
    requireNonNull(kind, "kind");
    requireNonNull(source, "source");
  }
}
