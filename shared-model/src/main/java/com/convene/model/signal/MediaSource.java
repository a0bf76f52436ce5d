package com.convene.model.signal;

import com.fasterxml.jackson.annotation.JsonProperty;

/// What a track captures.
public enum MediaSource {
  @JsonProperty("microphone")
  MICROPHONE,
  @JsonProperty("camera")
  CAMERA,
  @JsonProperty("screen")
  SCREEN
}
