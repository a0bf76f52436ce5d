package com.convene.desktop.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Every setting through one door: `convene.<key>` system properties are the command-line layer (over the user's
/// file, under a key the preset locks), the properties that locate the layers and the log folder are not
/// settings, and a switch is off only for `false`.
class AppSettingsTest {
  @TempDir
  Path dir;

  @Test
  void systemPropertiesAreTheCommandLineLayerUnderThePresetsLocks() throws IOException {
    ConfigLocations where = new ConfigLocations(dir.resolve("system.properties"), dir.resolve("user"),
        dir.resolve("log"), dir.resolve("run"));
    Files.writeString(where.systemFile(), "reminder-minutes=10\nprejoin=true\nlocked=prejoin\n");
    LayeredSettings.saveUser(where, Map.of("reminders", "true", "downloads", "/home/ada/Films"));
    Properties properties = new Properties();
    properties.setProperty("convene.reminders", "false");
    properties.setProperty("convene.prejoin", "false");
    properties.setProperty("convene.settings.user-dir", "/elsewhere");
    properties.setProperty("convene.log.dir", "/var/log/convene");
    properties.setProperty("java.version", "25");
    Map<String, String> commandLine = AppSettings.systemProperties(properties);
    assertThat(commandLine).containsOnlyKeys("reminders", "prejoin");

    LayeredSettings settings = LayeredSettings.load(where, commandLine);
    assertThat(AppSettings.flag(settings, "reminders", true)).as("property over the user's file").isFalse();
    assertThat(AppSettings.flag(settings, "prejoin", true)).as("the preset locks it").isTrue();
    assertThat(settings.get("reminder-minutes")).contains("10");
    assertThat(settings.get("downloads")).contains("/home/ada/Films");
    assertThat(AppSettings.flag(settings, "stay-signed-in", true)).isTrue();
    assertThat(AppSettings.flag(settings, "stay-signed-in", false)).isFalse();
  }
}
