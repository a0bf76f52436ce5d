package com.convene.desktop.media;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.nio.ByteBuffer;

/// Synthetic camera picture: eight colour bars scrolling 4 px per frame, and the frame number burned in as
/// six white digits on a black box in the top-left corner, so a receiver can read which frame it decoded.
///
/// Colours are BT.601 limited-range YUV (ITU-R BT.601-7). The digit layout scales with the frame width
/// (one font cell is `width / 160` px, at least 2), so [#readCounter] works on any received size.
/// Not thread-safe: one instance per producer thread.
public final class TestPattern {
  /// Y, U, V of white, yellow, cyan, green, magenta, red, blue, black.
  private static final int[][] BARS = {
    {235, 128, 128}, {210, 16, 146}, {170, 166, 16}, {145, 54, 34},
    {106, 202, 222}, {81, 90, 240}, {41, 240, 110}, {16, 128, 128}
  };
  private static final String[] FONT = {
    "01110100011001110101110011000101110", "00100011000010000100001000010001110",
    "01110100010000100010001000100011111", "11111000100010000010000011000101110",
    "00010001100101010010111110001000010", "11111100001111000001000011000101110",
    "00110010001000011110100011000101110", "11111000010001000100010000100001000",
    "01110100011000101110100011000101110", "01110100011000101111000010001001100"
  };
  static final int DIGITS = 6;
  private static final int FONT_W = 5;
  private static final int FONT_H = 7;
  private static final int SCROLL_PX_PER_FRAME = 4;
  private static final int DARK_Y = 16;
  private static final int LIGHT_Y = 235;

  private final int width;
  private final int height;
  private final byte[] rowY;
  private final byte[] rowU;
  private final byte[] rowV;

  /// @param width  frame width in pixels, even, 160–3840
  /// @param height frame height in pixels, even, 90–2160
  public TestPattern(int width, int height) {
    if (width < 160 || height < 90 || (width & 1) != 0 || (height & 1) != 0) {
      throw new IllegalArgumentException("pattern needs an even size of at least 160x90: " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.rowY = new byte[width];
    this.rowU = new byte[width / 2];
    this.rowV = new byte[width / 2];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /// Allocates a native I420 buffer (one reference, owned by the caller) and paints frame `frameNumber`.
  public VideoFrameBuffer paint(long frameNumber) {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
    paint(frameNumber, buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
        buffer.getDataV(), buffer.getStrideV());
    return buffer;
  }

  /// Paints frame `frameNumber` into I420 planes with the given strides (bytes per row).
  public void paint(long frameNumber, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
      int strideV) {
    int offset = (int) ((frameNumber * SCROLL_PX_PER_FRAME) % width);
    int barWidth = width / BARS.length;
    for (int x = 0; x < width; x++) {
      int bar = Math.min(BARS.length - 1, ((x + offset) % width) / barWidth);
      rowY[x] = (byte) BARS[bar][0];
      if ((x & 1) == 0) {
        rowU[x / 2] = (byte) BARS[bar][1];
        rowV[x / 2] = (byte) BARS[bar][2];
      }
    }
    for (int row = 0; row < height; row++) {
      y.put(row * strideY, rowY, 0, width);
    }
    for (int row = 0; row < height / 2; row++) {
      u.put(row * strideU, rowU, 0, width / 2);
      v.put(row * strideV, rowV, 0, width / 2);
    }
    paintCounter(frameNumber % 1_000_000, y, strideY, u, strideU, v, strideV);
  }

  private void paintCounter(long counter, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
      int strideV) {
    Layout layout = Layout.of(width);
    for (int row = layout.boxTop(); row < layout.boxBottom(); row++) {
      for (int x = layout.boxLeft(); x < layout.boxRight(); x++) {
        y.put(row * strideY + x, (byte) DARK_Y);
        u.put((row / 2) * strideU + x / 2, (byte) 128);
        v.put((row / 2) * strideV + x / 2, (byte) 128);
      }
    }
    String digits = String.format("%06d", counter);
    for (int d = 0; d < DIGITS; d++) {
      String glyph = FONT[digits.charAt(d) - '0'];
      for (int gy = 0; gy < FONT_H; gy++) {
        for (int gx = 0; gx < FONT_W; gx++) {
          if (glyph.charAt(gy * FONT_W + gx) == '1') {
            int x0 = layout.cellX(d, gx);
            int y0 = layout.cellY(gy);
            for (int yy = y0; yy < y0 + layout.cell(); yy++) {
              for (int xx = x0; xx < x0 + layout.cell(); xx++) {
                y.put(yy * strideY + xx, (byte) LIGHT_Y);
              }
            }
          }
        }
      }
    }
  }

  /// Reads the burned-in frame counter from a luma plane, tolerating codec noise.
  /// @return the counter, 0–999,999, or -1 when a digit cannot be recognised
  public static int readCounter(ByteBuffer y, int strideY, int width, int height) {
    if (width < 160 || height < 90) {
      return -1;
    }
    Layout layout = Layout.of(width);
    int value = 0;
    for (int d = 0; d < DIGITS; d++) {
      int bestDigit = -1;
      int bestErrors = Integer.MAX_VALUE;
      for (int candidate = 0; candidate < FONT.length; candidate++) {
        int errors = 0;
        for (int gy = 0; gy < FONT_H; gy++) {
          for (int gx = 0; gx < FONT_W; gx++) {
            int cx = layout.cellX(d, gx) + layout.cell() / 2;
            int cy = layout.cellY(gy) + layout.cell() / 2;
            boolean lit = (y.get(cy * strideY + cx) & 0xFF) > 128;
            if (lit != (FONT[candidate].charAt(gy * FONT_W + gx) == '1')) {
              errors++;
            }
          }
        }
        if (errors < bestErrors) {
          bestErrors = errors;
          bestDigit = candidate;
        }
      }
      if (bestErrors > 3) {
        return -1;
      }
      value = value * 10 + bestDigit;
    }
    return value;
  }

  /// Geometry of the counter box for a given frame width; all values in pixels.
  private record Layout(int cell, int left, int top) {
    static Layout of(int width) {
      int cell = Math.max(2, width / 160);
      return new Layout(cell, 4 * cell, 4 * cell);
    }

    int cellX(int digit, int gx) {
      return left + digit * (FONT_W + 1) * cell + gx * cell;
    }

    int cellY(int gy) {
      return top + gy * cell;
    }

    int boxLeft() {
      return left - 2 * cell;
    }

    int boxTop() {
      return top - 2 * cell;
    }

    int boxRight() {
      return left + DIGITS * (FONT_W + 1) * cell + cell;
    }

    int boxBottom() {
      return top + (FONT_H + 2) * cell;
    }
  }
}
