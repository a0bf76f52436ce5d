package com.convene.e2e;

import com.convene.desktop.media.TestPattern;
import java.awt.Color;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/// Reads a composed recording frame by frame with Debian's `ffmpeg` (RGB24, the file's own size and rate) and
/// answers what a viewer would see: the test-pattern counter in a tile, the colour at a point.
final class ComposedVideo {
  /// One decoded picture of the composition.
  ///
  /// @param index   frame number from 0
  /// @param seconds presentation time, s from the start
  /// @param width   width in pixels
  /// @param height  height in pixels
  /// @param rgb     packed RGB24 rows
  record Picture(int index, double seconds, int width, int height, byte[] rgb) {
    /// The frame counter burned into a test pattern shown in the tile at (`x`, `y`) of `tileWidth` x
    /// `tileHeight` pixels, or -1 when it cannot be read.
    int counterInTile(int x, int y, int tileWidth, int tileHeight) {
      byte[] luma = new byte[tileWidth * tileHeight];
      for (int row = 0; row < tileHeight; row++) {
        for (int col = 0; col < tileWidth; col++) {
          int at = ((y + row) * width + x + col) * 3;
          int r = rgb[at] & 0xFF;
          int g = rgb[at + 1] & 0xFF;
          int b = rgb[at + 2] & 0xFF;
          luma[row * tileWidth + col] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
      }
      return TestPattern.readCounter(ByteBuffer.wrap(luma), tileWidth, tileWidth, tileHeight);
    }

    /// Whether the pixel at (`x`, `y`) is within `tolerance` of `colour` in every RGB channel.
    boolean looksLike(int x, int y, Color colour, int tolerance) {
      int at = (y * width + x) * 3;
      return Math.abs((rgb[at] & 0xFF) - colour.getRed()) <= tolerance
          && Math.abs((rgb[at + 1] & 0xFF) - colour.getGreen()) <= tolerance
          && Math.abs((rgb[at + 2] & 0xFF) - colour.getBlue()) <= tolerance;
    }
  }

  /// Receives each picture in order.
  @FunctionalInterface
  interface PictureConsumer {
    void accept(Picture picture);
  }

  private ComposedVideo() {}

  /// Decodes every frame of `file` (`width` x `height` at `frameRate`) and passes it to `consumer`.
  static int read(Path file, int width, int height, int frameRate, PictureConsumer consumer)
      throws IOException, InterruptedException {
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "rawvideo",
        "-pix_fmt", "rgb24", "-").redirectError(ProcessBuilder.Redirect.PIPE).start();
    int frames = 0;
    try (DataInputStream in = new DataInputStream(ffmpeg.getInputStream())) {
      while (true) {
        byte[] rgb = new byte[width * height * 3];
        try {
          in.readFully(rgb);
        } catch (EOFException end) {
          break;
        }
        consumer.accept(new Picture(frames, frames / (double) frameRate, width, height, rgb));
        frames++;
      }
    }
    String err = new String(ffmpeg.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
      throw new IOException("ffmpeg could not decode " + file + ": " + err);
    }
    return frames;
  }
}
