package com.convene.model.api;

import java.util.List;

/// The newest desktop release for one operating system and architecture:
/// `GET /api/v1/client/releases/latest?os=…&arch=…`.
///
/// @param version   the release version, e.g. `1.2.0` (see [ReleaseVersion])
/// @param os        `linux`, `windows` or `macos`
/// @param arch      `x86_64` or `aarch64`
/// @param downloads one installer per package type, in the order `deb`, `rpm`, `msi`, `dmg`, `pkg`; never empty
public record ClientRelease(String version, String os, String arch, List<ClientDownload> downloads) {

    /// Copies the download list.
    public ClientRelease {
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
    }
}
