package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridFitTest {
  @Test
  void oneTileFillsTheLimitingSide() {
    assertThat(GridFit.tileWidth(1, 1600, 900, 8)).isEqualTo(1600);
    assertThat(GridFit.tileWidth(1, 1600, 450, 8)).isEqualTo(800);
  }

  @Test
  void fourTilesMakeTwoByTwoInAWideArea() {
    // 2 x 2: (960 - 8) / 2 = 476 wide, (540 - 8) / 2 * 16 / 9 = 472.9 by height
    assertThat(GridFit.tileWidth(4, 960, 540, 8)).isEqualTo(472);
  }

  @Test
  void neverBelowTheMinimumSoTheGridScrolls() {
    assertThat(GridFit.tileWidth(40, 400, 300, 8)).isEqualTo(GridFit.MIN_WIDTH);
  }
}
