package com.convene.model.api;

/// One installer file of a [ClientRelease].
///
/// @param packageType `deb`, `rpm`, `msi`, `dmg` or `pkg`
/// @param fileName    the file name as jpackage made it, e.g. `convene_1.2.0_amd64.deb`
/// @param sizeBytes   file size in bytes, 0 or more
/// @param url         `GET` path of the file on this server, `/api/v1/client/releases/{version}/{fileName}`
///                    (anonymous, HTTP ranges supported)
public record ClientDownload(String packageType, String fileName, long sizeBytes, String url) {
}
