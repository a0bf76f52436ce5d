package com.convene.desktop.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class VideoTileTest {

  @Test
  void blackOrFlatPicturesCountAsBlank() {
    ByteBuffer black = ByteBuffer.allocate(64 * 36 * 4);
    assertThat(VideoTile.spansLuma(black, 64, 36, 32)).isFalse();
    ByteBuffer grey = ByteBuffer.allocate(64 * 36 * 4);
    for (int i = 0; i < grey.capacity(); i++) {
      grey.put(i, (byte) 128);
    }
    assertThat(VideoTile.spansLuma(grey, 64, 36, 32)).isFalse();
  }

  @Test
  void barsCountAsPicture() {
    ByteBuffer bars = ByteBuffer.allocate(64 * 36 * 4);
    for (int y = 0; y < 36; y++) {
      for (int x = 0; x < 64; x++) {
        int value = x < 32 ? 20 : 230;
        int at = (y * 64 + x) * 4;
        bars.put(at, (byte) value).put(at + 1, (byte) value).put(at + 2, (byte) value).put(at + 3, (byte) 255);
      }
    }
    assertThat(VideoTile.spansLuma(bars, 64, 36, 32)).isTrue();
  }

  @Test
  void initialsLeaveOutBracketsAndPunctuation() {
    assertThat(VideoTile.initials("Admin (host)")).isEqualTo("A");
    assertThat(VideoTile.initials("Ada Lovelace")).isEqualTo("AL");
    assertThat(VideoTile.initials("O'Brien, \"Pat\" [guest]")).isEqualTo("OP");
    assertThat(VideoTile.initials("  émile   zola  ")).isEqualTo("ÉZ");
    assertThat(VideoTile.initials("(host)")).isEqualTo("H");
    assertThat(VideoTile.initials("--")).isEmpty();
  }
}
