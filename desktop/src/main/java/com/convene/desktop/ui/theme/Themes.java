package com.convene.desktop.ui.theme;

import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/// Applies a [ThemeMode]: the AtlantaFX stylesheet as the user-agent stylesheet (for every window) and
/// Convene's `convene.css` on the scene; the scene's root gets the style class `dark` or `light` so
/// `convene.css` can tell them apart. FX thread only.
public final class Themes {
  /// Convene's stylesheet, on top of the AtlantaFX theme.
  public static final String CONVENE_CSS = Objects.requireNonNull(
      Themes.class.getResource("/com/convene/desktop/ui/theme/convene.css")).toExternalForm();

  private Themes() {}

  /// Switches the whole app to `mode` and styles `scene` (its current and future roots keep the mode class).
  public static void apply(Scene scene, ThemeMode mode) {
    Application.setUserAgentStylesheet(mode.userAgentStylesheet());
    if (!scene.getStylesheets().contains(CONVENE_CSS)) {
      scene.getStylesheets().add(CONVENE_CSS);
    }
    String modeClass = mode == ThemeMode.DARK ? "dark" : "light";
    scene.getProperties().put(Themes.class, modeClass);
    markRoot(scene);
    if (!scene.getProperties().containsKey(Scene.class)) {
      scene.getProperties().put(Scene.class, Boolean.TRUE);
      scene.rootProperty().addListener((obs, old, root) -> markRoot(scene));
    }
  }

  private static void markRoot(Scene scene) {
    Object modeClass = scene.getProperties().get(Themes.class);
    if (scene.getRoot() == null || modeClass == null) {
      return;
    }
    scene.getRoot().getStyleClass().removeAll("dark", "light");
    scene.getRoot().getStyleClass().add(modeClass.toString());
  }
}
