package com.convene.desktop.ui.call;

/// The largest 16:9 tile size that fits `count` tiles into an area, trying every column count.
final class GridFit {
  /// Smallest tile width in px; below it the grid scrolls instead of shrinking.
  static final double MIN_WIDTH = 160;

  private GridFit() {}

  /// Tile width in px (height is 9/16 of it) for `count` tiles in `width` × `height` px with `gap` px between
  /// tiles; at least [#MIN_WIDTH].
  static double tileWidth(int count, double width, double height, double gap) {
    if (count <= 0 || width <= 0 || height <= 0) {
      return MIN_WIDTH * 2;
    }
    double best = 0;
    for (int columns = 1; columns <= count; columns++) {
      int rows = (count + columns - 1) / columns;
      double byWidth = (width - gap * (columns - 1)) / columns;
      double byHeight = (height - gap * (rows - 1)) / rows * 16 / 9;
      best = Math.max(best, Math.min(byWidth, byHeight));
    }
    return Math.max(MIN_WIDTH, Math.floor(best));
  }
}
