package com.convene.desktop.media;

import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import org.jspecify.annotations.Nullable;

/// Produces the next video frame for a [FramePump]. Called on the pump's thread only.
@FunctionalInterface
interface FrameProducer {
  /// Returns a new buffer holding one reference that the pump releases, or `null` to skip this tick.
  /// @param frameNumber number of the frame, counting from 0
  @Nullable VideoFrameBuffer next(long frameNumber) throws Exception;
}
