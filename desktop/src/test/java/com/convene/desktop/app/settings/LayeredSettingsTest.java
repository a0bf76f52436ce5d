package com.convene.desktop.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredSettingsTest {

  @Test
  void userBeatsPresetAndCommandLineBeatsUser() {
    LayeredSettings settings = LayeredSettings.merge(
        Map.of("server", "https://preset.example", "audio", "auto", "sso.issuer", "https://idp.example"),
        Map.of("server", "https://user.example", "user", "ada"),
        Map.of("user", "grace"));
    assertThat(settings.get("server")).contains("https://user.example");
    assertThat(settings.get("user")).contains("grace");
    assertThat(settings.get("audio")).contains("auto");
    assertThat(settings.get("sso.issuer")).contains("https://idp.example");
    assertThat(settings.isLocked("server")).isFalse();
  }

  @Test
  void lockedPresetKeysWinOverUserAndCommandLine() {
    LayeredSettings settings = LayeredSettings.merge(
        Map.of("server", "https://preset.example", "locked", "server, sso.issuer"),
        Map.of("server", "https://user.example", "user", "ada"),
        Map.of("server", "https://cli.example", "sso.issuer", "https://other-idp.example"));
    assertThat(settings.get("server")).contains("https://preset.example");
    assertThat(settings.isLocked("server")).isTrue();
    // a locked key the preset does not set stays open
    assertThat(settings.get("sso.issuer")).contains("https://other-idp.example");
    assertThat(settings.isLocked("sso.issuer")).isFalse();
    assertThat(settings.get("user")).contains("ada");
    assertThat(settings.asMap()).doesNotContainKey("locked");
  }

  @Test
  void readsFilesIgnoringMissingOnesAndTheWindowsSectionLine(@TempDir Path dir) throws Exception {
    Path system = dir.resolve("convene.properties");
    Files.writeString(system, "[managed]\r\nserver=https://preset.example\r\nlocked=server\r\n");
    ConfigLocations where = new ConfigLocations(system, dir.resolve("user"), dir, dir);
    LayeredSettings settings = LayeredSettings.load(where, Map.of("server", "https://cli.example"));
    assertThat(settings.asMap()).containsExactly(Map.entry("server", "https://preset.example"));
  }

  @Test
  void savesTheUsersFileKeepingOtherKeys(@TempDir Path dir) throws Exception {
    ConfigLocations where = new ConfigLocations(dir.resolve("none"), dir.resolve("user"), dir, dir);
    LayeredSettings.saveUser(where, Map.of("server", "https://a.example", "video", "pattern"));
    LayeredSettings.saveUser(where, Map.of("server", "https://b.example"));
    assertThat(LayeredSettings.load(where, Map.of()).asMap())
        .containsExactly(Map.entry("server", "https://b.example"), Map.entry("video", "pattern"));
  }
}
