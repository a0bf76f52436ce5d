package com.convene.desktop.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.nio.ByteBuffer;

/// Converts decoded I420 frames to 32-bit pixels for JavaFX with libyuv (through webrtc-java).
///
/// libyuv names formats by little-endian word order, so its `ARGB` is bytes B, G, R, A in memory: exactly
/// JavaFX's `PixelFormat.getByteBgraPreInstance()` (alpha is always 255, so premultiplied is the same).
public final class I420Converter {
  static {
    // NativeI420Buffer and VideoBufferConverter have no loader of their own; the factory class loads the library.
    try {
      Class.forName("dev.onvoid.webrtc.PeerConnectionFactory", true, I420Converter.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private I420Converter() {}

  /// Writes `width * height * 4` bytes of B, G, R, A into `bgra` (a direct buffer of at least that size).
  /// @throws IllegalArgumentException when the buffer is too small or not direct
  public static void toBgra(VideoFrameBuffer frame, ByteBuffer bgra) {
    int needed = frame.getWidth() * frame.getHeight() * 4;
    if (!bgra.isDirect() || bgra.capacity() < needed) {
      throw new IllegalArgumentException("need a direct buffer of " + needed + " bytes");
    }
    try {
      VideoBufferConverter.convertFromI420(frame, bgra, FourCC.ARGB);
    } catch (Exception e) {
      throw new IllegalStateException("I420 conversion failed", e);
    }
  }
}
