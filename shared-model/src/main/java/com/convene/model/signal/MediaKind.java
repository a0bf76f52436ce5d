package com.convene.model.signal;

import com.fasterxml.jackson.annotation.JsonProperty;

/// Media kind of a track, as the SDP `m=` line names it.
public enum MediaKind {
  @JsonProperty("audio")
  AUDIO,
  @JsonProperty("video")
  VIDEO
}
