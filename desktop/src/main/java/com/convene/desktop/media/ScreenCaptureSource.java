package com.convene.desktop.media;

import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Grabs pictures of one screen as I420 frames for a screen-share track.
///
/// webrtc-java's own desktop capturer crashes the JVM on Linux (SIGSEGV in 0.14.0), so captures go through
/// this seam; [RobotScreenCapture] uses AWT. Implementations are used from one capture thread at a time.
public interface ScreenCaptureSource extends AutoCloseable {

  /// The screen being captured.
  ScreenInfo screen();

  /// Grabs the current picture.
  /// @return a new I420 buffer holding one reference for the caller, or `null` when nothing changed
  /// @throws Exception when the platform refused the capture (the caller skips the frame)
  @Nullable VideoFrameBuffer capture() throws Exception;

  @Override
  void close();

  /// Lists the screens of the local display; empty when headless. May be called from any thread.
  static List<ScreenInfo> screens() {
    if (GraphicsEnvironment.isHeadless()) {
      return List.of();
    }
    GraphicsDevice[] devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
    List<ScreenInfo> screens = new ArrayList<>(devices.length);
    for (int i = 0; i < devices.length; i++) {
      Rectangle bounds = devices[i].getDefaultConfiguration().getBounds();
      String name = "Screen " + (i + 1) + " (" + bounds.width + "x" + bounds.height + ")";
      screens.add(new ScreenInfo(devices[i].getIDstring(), name, bounds.x, bounds.y, bounds.width, bounds.height));
    }
    return List.copyOf(screens);
  }
}
