package com.convene.desktop.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/// Light or dark: which AtlantaFX Primer theme the app uses.
public enum ThemeMode {
  LIGHT(new PrimerLight()),
  DARK(new PrimerDark());

  private final Theme theme;

  ThemeMode(Theme theme) {
    this.theme = theme;
  }

  /// The AtlantaFX user-agent stylesheet of this mode.
  public String userAgentStylesheet() {
    return theme.getUserAgentStylesheet();
  }
}
