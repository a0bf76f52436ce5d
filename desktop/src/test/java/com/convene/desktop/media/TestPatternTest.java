package com.convene.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestPatternTest {
  private static final int W = 640;
  private static final int H = 360;

  private final ByteBuffer y = ByteBuffer.allocate(W * H);
  private final ByteBuffer u = ByteBuffer.allocate(W * H / 4);
  private final ByteBuffer v = ByteBuffer.allocate(W * H / 4);
  private final TestPattern pattern = new TestPattern(W, H);

  @Test
  void burnedInCounterReadsBack() {
    for (long frame : new long[] {0, 7, 42, 123_456, 999_999}) {
      pattern.paint(frame, y, W, u, W / 2, v, W / 2);
      assertThat(TestPattern.readCounter(y, W, W, H)).isEqualTo((int) frame);
    }
  }

  @Test
  void counterSurvivesModerateNoise() {
    pattern.paint(314, y, W, u, W / 2, v, W / 2);
    for (int i = 0; i < y.capacity(); i += 3) {
      y.put(i, (byte) Math.clamp((y.get(i) & 0xFF) + ((i * 31) % 61) - 30, 0, 255));
    }
    assertThat(TestPattern.readCounter(y, W, W, H)).isEqualTo(314);
  }

  @Test
  void barsMoveBetweenFrames() {
    pattern.paint(1, y, W, u, W / 2, v, W / 2);
    byte[] first = Arrays.copyOfRange(y.array(), W * 200, W * 201);
    pattern.paint(2, y, W, u, W / 2, v, W / 2);
    byte[] second = Arrays.copyOfRange(y.array(), W * 200, W * 201);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void picturesHaveDetail() {
    pattern.paint(5, y, W, u, W / 2, v, W / 2);
    int min = 255;
    int max = 0;
    for (int i = 0; i < y.capacity(); i++) {
      min = Math.min(min, y.get(i) & 0xFF);
      max = Math.max(max, y.get(i) & 0xFF);
    }
    assertThat(min).isEqualTo(16);
    assertThat(max).isEqualTo(235);
  }

  @Test
  void blankPictureHasNoCounter() {
    assertThat(TestPattern.readCounter(ByteBuffer.allocate(W * H), W, W, H)).isEqualTo(-1);
  }

  @Test
  void rejectsOddOrTinySizes() {
    assertThatThrownBy(() -> new TestPattern(641, 360)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TestPattern(100, 60)).isInstanceOf(IllegalArgumentException.class);
  }
}
