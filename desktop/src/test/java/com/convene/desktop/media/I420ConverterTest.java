package com.convene.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/// Checks the libyuv byte order against JavaFX's BGRA: BT.601 limited-range red must come out as B≈0, G≈0, R≈255.
class I420ConverterTest {
  static {
    try {
      Class.forName(I420Converter.class.getName());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Test
  void convertsRedToBgraBytes() {
    int[] bgra = convertSolid(81, 90, 240);
    assertThat(bgra[0]).as("blue").isLessThan(20);
    assertThat(bgra[1]).as("green").isLessThan(20);
    assertThat(bgra[2]).as("red").isGreaterThan(235);
    assertThat(bgra[3]).as("alpha").isEqualTo(255);
  }

  @Test
  void convertsBlueToBgraBytes() {
    int[] bgra = convertSolid(41, 240, 110);
    assertThat(bgra[0]).as("blue").isGreaterThan(235);
    assertThat(bgra[2]).as("red").isLessThan(20);
  }

  @Test
  void rejectsHeapBuffers() {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(16, 16);
    try {
      assertThatThrownBy(() -> I420Converter.toBgra(buffer, ByteBuffer.allocate(16 * 16 * 4)))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      buffer.release();
    }
  }

  private static int[] convertSolid(int yValue, int uValue, int vValue) {
    int w = 32;
    int h = 16;
    NativeI420Buffer buffer = NativeI420Buffer.allocate(w, h);
    try {
      fill(buffer.getDataY(), buffer.getStrideY() * h, yValue);
      fill(buffer.getDataU(), buffer.getStrideU() * h / 2, uValue);
      fill(buffer.getDataV(), buffer.getStrideV() * h / 2, vValue);
      ByteBuffer out = ByteBuffer.allocateDirect(w * h * 4);
      I420Converter.toBgra(buffer, out);
      int at = (5 * w + 7) * 4;
      return new int[] {out.get(at) & 0xFF, out.get(at + 1) & 0xFF, out.get(at + 2) & 0xFF, out.get(at + 3) & 0xFF};
    } finally {
      buffer.release();
    }
  }

  private static void fill(ByteBuffer plane, int length, int value) {
    for (int i = 0; i < length; i++) {
      plane.put(i, (byte) value);
    }
  }
}
