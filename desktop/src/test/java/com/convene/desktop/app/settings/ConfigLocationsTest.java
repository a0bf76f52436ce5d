package com.convene.desktop.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLocationsTest {

  @Test
  void linuxFollowsTheXdgBaseDirectories() {
    ConfigLocations where = ConfigLocations.forPlatform("Linux",
        Map.of("XDG_CONFIG_HOME", "/home/ada/cfg", "XDG_STATE_HOME", "/home/ada/st", "XDG_RUNTIME_DIR", "/run/user/1000"),
        "/home/ada", "ada", "/tmp");
    assertThat(where).isEqualTo(new ConfigLocations(Path.of("/etc/convene/convene.properties"),
        Path.of("/home/ada/cfg/convene"), Path.of("/home/ada/st/convene"), Path.of("/run/user/1000/convene")));
    assertThat(where.userFile()).isEqualTo(Path.of("/home/ada/cfg/convene/settings.properties"));
  }

  @Test
  void linuxFallsBackWhenTheVariablesAreUnsetOrRelative() {
    ConfigLocations where = ConfigLocations.forPlatform("Linux", Map.of("XDG_CONFIG_HOME", "relative"),
        "/home/ada", "ada", "/tmp");
    assertThat(where.userDir()).isEqualTo(Path.of("/home/ada/.config/convene"));
    assertThat(where.logDir()).isEqualTo(Path.of("/home/ada/.local/state/convene"));
    assertThat(where.runtimeDir()).isEqualTo(Path.of("/tmp/convene-ada"));
  }

  @Test
  void macUsesLibraryFolders() {
    ConfigLocations where = ConfigLocations.forPlatform("Mac OS X", Map.of("TMPDIR", "/var/folders/x"),
        "/Users/ada", "ada", "/tmp");
    assertThat(where.systemFile()).isEqualTo(Path.of("/Library/Application Support/Convene/convene.properties"));
    assertThat(where.userDir()).isEqualTo(Path.of("/Users/ada/Library/Application Support/Convene"));
    assertThat(where.logDir()).isEqualTo(Path.of("/Users/ada/Library/Logs/Convene"));
  }

  @Test
  void windowsUsesProgramDataAndAppData() {
    ConfigLocations where = ConfigLocations.forPlatform("Windows 11",
        Map.of("ProgramData", "C:/ProgramData", "APPDATA", "C:/Users/ada/AppData/Roaming",
            "LOCALAPPDATA", "C:/Users/ada/AppData/Local"), "C:/Users/ada", "ada", "C:/Temp");
    assertThat(where.systemFile()).isEqualTo(Path.of("C:/ProgramData", "Convene", "convene.properties"));
    assertThat(where.userDir()).isEqualTo(Path.of("C:/Users/ada/AppData/Roaming", "Convene"));
    assertThat(where.logDir()).isEqualTo(Path.of("C:/Users/ada/AppData/Local", "Convene", "logs"));
  }
}
