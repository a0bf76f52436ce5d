package com.convene.desktop.ui.theme;

import java.util.Locale;

/// What the user asked for with the `theme` option (`convene.theme` system property): a fixed mode, or follow
/// the desktop ([SystemTheme]).
public enum ThemePreference {
  LIGHT,
  DARK,
  SYSTEM;

  /// Parses `light`, `dark` or `system` (any case); anything else means [#SYSTEM].
  public static ThemePreference parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "light" -> LIGHT;
      case "dark" -> DARK;
      default -> SYSTEM;
    };
  }
}
