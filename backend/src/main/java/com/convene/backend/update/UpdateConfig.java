package com.convene.backend.update;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/// Where the desktop installers are served from, prefix `convene.update`; defaults in `application.yml`.
///
/// @param directory directory holding the installer files as jpackage names them (env `CONVENE_UPDATE_DIRECTORY`);
///                  a missing directory means no releases
@ConfigurationProperties("convene.update")
public record UpdateConfig(@NotBlank String directory) {
}
