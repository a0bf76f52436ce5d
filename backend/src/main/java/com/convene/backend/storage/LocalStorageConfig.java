package com.convene.backend.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/// The local-directory storage provider, prefix `convene.storage.local`; defaults in `application.yml`.
///
/// @param root   directory holding one sub-directory per bucket (env `CONVENE_STORAGE_LOCAL_ROOT`)
/// @param bucket bucket name, a directory under `root`: lower-case letters, digits, dots and dashes, 3–63 chars
@ConfigurationProperties("convene.storage.local")
public record LocalStorageConfig(
        @NotBlank String root,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") String bucket) {
}
