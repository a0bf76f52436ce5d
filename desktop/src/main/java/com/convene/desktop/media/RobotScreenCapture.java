package com.convene.desktop.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/// Captures a screen with `java.awt.Robot#createScreenCapture` and converts it to I420 with libyuv.
///
/// Frame size is the screen size rounded down to even numbers (I420 chroma needs it). Java's packed
/// `0x00RRGGBB` ints, written little-endian, are libyuv's `ARGB` byte order (B, G, R, A in memory).
/// Confined to the capture thread after construction.
public final class RobotScreenCapture implements ScreenCaptureSource {
  private final ScreenInfo screen;
  private final Robot robot;
  private final Rectangle area;
  private final ByteBuffer argb;
  private final IntBuffer argbInts;

  /// Prepares capture of `screen`.
  /// @throws AWTException when the platform forbids screen capture (headless, Wayland without portal)
  public RobotScreenCapture(ScreenInfo screen) throws AWTException {
    if (GraphicsEnvironment.isHeadless()) {
      throw new AWTException("no display to capture");
    }
    GraphicsDevice device = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices())
        .filter(d -> d.getIDstring().equals(screen.id()))
        .findFirst()
        .orElseThrow(() -> new AWTException("screen " + screen.id() + " is gone"));
    this.screen = screen;
    this.robot = new Robot(device);
    this.area = new Rectangle(screen.x(), screen.y(), screen.width() & ~1, screen.height() & ~1);
    this.argb = ByteBuffer.allocateDirect(area.width * area.height * 4).order(ByteOrder.LITTLE_ENDIAN);
    this.argbInts = argb.asIntBuffer();
  }

  @Override
  public ScreenInfo screen() {
    return screen;
  }

  @Override
  public VideoFrameBuffer capture() throws Exception {
    BufferedImage image = robot.createScreenCapture(area);
    int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB
        ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
        : image.getRGB(0, 0, area.width, area.height, null, 0, area.width);
    argbInts.clear();
    argbInts.put(pixels, 0, area.width * area.height);
    NativeI420Buffer i420 = NativeI420Buffer.allocate(area.width, area.height);
    try {
      VideoBufferConverter.convertToI420(argb, i420, FourCC.ARGB);
    } catch (Exception e) {
      i420.release();
      throw e;
    }
    return i420;
  }

  @Override
  public void close() {
    // Robot holds no native resources of its own.
  }
}
