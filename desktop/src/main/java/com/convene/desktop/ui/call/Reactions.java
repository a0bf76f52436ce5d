package com.convene.desktop.ui.call;

import java.util.List;

/// The reactions the app offers; the server relays any of the protocol's, the app shows only these.
public final class Reactions {
  /// Thumbs up, clapping hands, face with tears of joy, red heart, party popper, open mouth.
  public static final List<String> EMOJI =
      List.of("\uD83D\uDC4D", "\uD83D\uDC4F", "\uD83D\uDE02", "\u2764\uFE0F", "\uD83C\uDF89", "\uD83D\uDE2E");

  /// How long a reaction floats over a tile, in ms.
  public static final long SHOW_MILLIS = 3_000;

  private Reactions() {}
}
