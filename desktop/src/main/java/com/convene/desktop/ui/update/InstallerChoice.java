package com.convene.desktop.ui.update;

import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// Which installer fits this computer: the OS and architecture names the server's
/// `GET /api/v1/client/releases/latest?os=…&arch=…` understands, and the package types in order of preference
/// (`.deb` before `.rpm` where `dpkg` is installed, the reverse elsewhere on Linux; `.msi`; `.dmg` before `.pkg`).
///
/// @param os           `linux`, `windows` or `macos`
/// @param arch         `x86_64` or `aarch64`
/// @param packageTypes package types this computer installs, best first
public record InstallerChoice(String os, String arch, List<String> packageTypes) {

  /// Copies the list.
  public InstallerChoice {
    packageTypes = List.copyOf(packageTypes);
  }

  /// The choice for the running JVM (`os.name`, `os.arch`, and whether `/usr/bin/dpkg` exists).
  public static InstallerChoice current() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String machine = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String arch = machine.contains("aarch64") || machine.contains("arm64") ? "aarch64" : "x86_64";
    if (name.contains("win")) {
      return new InstallerChoice("windows", arch, List.of("msi"));
    }
    if (name.contains("mac")) {
      return new InstallerChoice("macos", arch, List.of("dmg", "pkg"));
    }
    boolean debian = Files.isExecutable(Path.of("/usr/bin/dpkg"));
    return new InstallerChoice("linux", arch, debian ? List.of("deb", "rpm") : List.of("rpm", "deb"));
  }

  /// The best installer of `release` for this computer, if it has one.
  public Optional<ClientDownload> pick(ClientRelease release) {
    for (String type : packageTypes) {
      for (ClientDownload download : release.downloads()) {
        if (download.packageType().equals(type)) {
          return Optional.of(download);
        }
      }
    }
    return Optional.empty();
  }
}
