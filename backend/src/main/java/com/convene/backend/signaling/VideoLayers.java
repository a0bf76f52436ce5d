package com.convene.backend.signaling;

import com.convene.sfu.SfuParticipant;

/// Which simulcast layer fits a tile: the desktop sends its camera as 320x180, 640x360 and 1280x720 (decision 100),
/// so a tile up to 200 pixels high gets the lowest layer, up to 400 the middle one, anything larger the best the
/// publisher sends, and a tile that is not on screen gets none.
final class VideoLayers {
  /// Largest tile height, device pixels, served by the lowest layer (180 lines, with 10 % of upscaling).
  static final int LOW_MAX_HEIGHT = 200;
  /// Largest tile height served by the middle layer (360 lines).
  static final int MIDDLE_MAX_HEIGHT = 400;

  private VideoLayers() {}

  /// The highest layer for a tile `maxHeight` pixels high: -1 (off screen), 0, 1 or [SfuParticipant#ALL_LAYERS].
  static int forHeight(int maxHeight) {
    if (maxHeight <= 0) {
      return -1;
    }
    if (maxHeight <= LOW_MAX_HEIGHT) {
      return 0;
    }
    return maxHeight <= MIDDLE_MAX_HEIGHT ? 1 : SfuParticipant.ALL_LAYERS;
  }
}
