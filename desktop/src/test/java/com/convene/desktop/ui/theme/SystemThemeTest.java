package com.convene.desktop.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemThemeTest {
  @Test
  void readsGnomeColorScheme() {
    assertThat(SystemTheme.fromColorScheme("'prefer-dark'\n")).contains(ThemeMode.DARK);
    assertThat(SystemTheme.fromColorScheme("'prefer-light'")).contains(ThemeMode.LIGHT);
    assertThat(SystemTheme.fromColorScheme("'default'")).isEqualTo(Optional.empty());
  }

  @Test
  void readsDarkGtkThemeNames() {
    assertThat(SystemTheme.fromGtkTheme("'Adwaita-dark'")).isEqualTo(ThemeMode.DARK);
    assertThat(SystemTheme.fromGtkTheme("Yaru:dark")).isEqualTo(ThemeMode.DARK);
    assertThat(SystemTheme.fromGtkTheme("'Yaru-dark-blue'")).isEqualTo(ThemeMode.DARK);
    assertThat(SystemTheme.fromGtkTheme("'Adwaita'")).isEqualTo(ThemeMode.LIGHT);
  }

  @Test
  void parsesTheOptionAndFallsBackToSystem() {
    assertThat(ThemePreference.parse("Dark")).isEqualTo(ThemePreference.DARK);
    assertThat(ThemePreference.parse("light")).isEqualTo(ThemePreference.LIGHT);
    assertThat(ThemePreference.parse("")).isEqualTo(ThemePreference.SYSTEM);
    assertThat(SystemTheme.resolve(ThemePreference.DARK)).isEqualTo(ThemeMode.DARK);
  }
}
