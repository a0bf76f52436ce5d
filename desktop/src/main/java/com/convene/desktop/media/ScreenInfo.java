package com.convene.desktop.media;

/// One display that can be shared.
/// @param id     stable id within this session (the AWT device id string)
/// @param name   label for a picker, e.g. `Screen 1 (1920x1080)`
/// @param x      left edge in virtual-desktop pixels
/// @param y      top edge in virtual-desktop pixels
/// @param width  width in pixels, 1 or more
/// @param height height in pixels, 1 or more
public record ScreenInfo(String id, String name, int x, int y, int width, int height) {
  public ScreenInfo {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("screen size must be positive");
    }
  }
}
