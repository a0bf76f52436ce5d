package com.convene.backend.update;

import com.convene.model.api.ReleaseVersion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// One installer file recognised by its name, the names jpackage gives its output (decision 070):
///
/// | package | file name                              | os      | arch                 |
/// |---------|----------------------------------------|---------|----------------------|
/// | `deb`   | `convene_<version>[-<rel>]_<amd64|arm64>.deb` | linux | x86_64, aarch64  |
/// | `rpm`   | `convene-<version>-<rel>.<x86_64|aarch64>.rpm` | linux | x86_64, aarch64 |
/// | `msi`   | `Convene-<version>.msi`                | windows | x86_64               |
/// | `dmg`   | `Convene-<version>.dmg`                | macos   | any (`arch` is null) |
/// | `pkg`   | `Convene-<version>.pkg`                | macos   | any (`arch` is null) |
///
/// Any other name is not an installer and is never served.
///
/// @param fileName    the file name, without directory
/// @param packageType `deb`, `rpm`, `msi`, `dmg` or `pkg`
/// @param version     the release version in the name
/// @param os          `linux`, `windows` or `macos`
/// @param arch        `x86_64` or `aarch64`, or null when the file serves every architecture of its OS
record InstallerFile(String fileName, String packageType, ReleaseVersion version, String os, @Nullable String arch) {
    /// The package types in the order a release lists them.
    static final List<String> PACKAGE_TYPES = List.of("deb", "rpm", "msi", "dmg", "pkg");

    private static final String VERSION = "(\\d{1,9}(?:\\.\\d{1,9}){0,3}(?:-[0-9A-Za-z.]{1,40})?)";
    private static final Pattern DEB = Pattern.compile("convene_" + "(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:-\\d{1,6})?"
            + "_(amd64|arm64)\\.deb");
    private static final Pattern RPM = Pattern.compile("convene-" + "(\\d{1,9}(?:\\.\\d{1,9}){0,3})"
            + "-\\d{1,6}\\.(x86_64|aarch64)\\.rpm");
    private static final Pattern OTHER = Pattern.compile("Convene-" + VERSION + "\\.(msi|dmg|pkg)");

    /// The installer a file name denotes, if it is one.
    static Optional<InstallerFile> parse(String fileName) {
        Matcher deb = DEB.matcher(fileName);
        if (deb.matches()) {
            return Optional.of(new InstallerFile(fileName, "deb", ReleaseVersion.parse(deb.group(1)), "linux",
                    deb.group(2).equals("amd64") ? "x86_64" : "aarch64"));
        }
        Matcher rpm = RPM.matcher(fileName);
        if (rpm.matches()) {
            return Optional.of(new InstallerFile(fileName, "rpm", ReleaseVersion.parse(rpm.group(1)), "linux",
                    rpm.group(2)));
        }
        Matcher other = OTHER.matcher(fileName);
        if (other.matches()) {
            String type = other.group(2);
            boolean windows = type.equals("msi");
            return Optional.of(new InstallerFile(fileName, type, ReleaseVersion.parse(other.group(1)),
                    windows ? "windows" : "macos", windows ? "x86_64" : null));
        }
        return Optional.empty();
    }

    /// Whether this file installs on `os`/`arch`.
    boolean serves(String os, String arch) {
        return this.os.equals(os) && (this.arch == null || this.arch.equals(arch));
    }
}
