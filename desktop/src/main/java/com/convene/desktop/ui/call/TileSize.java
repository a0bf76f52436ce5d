package com.convene.desktop.ui.call;

/// How large a tile is on screen now, for the video the server should send to it (the simulcast layer a
/// subscriber asks for follows the size it draws at; not sent to the server yet).
/// @param width   drawn width in layout px (JavaFX's device-independent pixels), 0 when not shown
/// @param height  drawn height in layout px, 0 when not shown
/// @param visible whether the tile is part of the current layout (grid, large tile or strip) in a shown window
public record TileSize(int width, int height, boolean visible) {
  /// A tile that is not shown.
  public static final TileSize HIDDEN = new TileSize(0, 0, false);

  public TileSize {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("tile size must not be negative");
    }
  }
}
