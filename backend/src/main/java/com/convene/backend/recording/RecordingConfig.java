package com.convene.backend.recording;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/// Recording settings, prefix `convene.recording`; defaults in `application.yml`.
///
/// @param spoolDirectory    where live captures are written before they are stored (env
///                          `CONVENE_RECORDING_SPOOL_DIRECTORY`); needs room for the running recordings
/// @param tapCapacity       packets the SFU may queue for one recording before it drops, 16–65,536 (1,600 B
///                          each; 2,048 ≈ 3 MB ≈ 2 s of a 10-person meeting)
/// @param retention         how long a recording is kept before `expires_at`; `0s` keeps it forever
/// @param defaultVisibility visibility of new recordings: `private`, `participants` or `public`
/// @param stopTimeout       how long a stop waits for the files to be finished and stored, 1 s–10 min
/// @param compositionWidth  width of the composed MP4 in pixels, even, 160–3,840
/// @param compositionHeight height of the composed MP4 in pixels, even, 90–2,160
/// @param compositionFrameRate frames per second of the composed MP4, 1–60
/// @param compositionLayout `grid` (equal tiles) or `speaker` (active speaker large); a screen share is always
///                          the large tile ([CompositionLayout])
@ConfigurationProperties("convene.recording")
public record RecordingConfig(
        @NotBlank String spoolDirectory,
        @Min(16) @Max(65_536) int tapCapacity,
        @NotNull Duration retention,
        @NotBlank @Pattern(regexp = "private|participants|public") String defaultVisibility,
        @NotNull Duration stopTimeout,
        @Min(160) @Max(3_840) int compositionWidth,
        @Min(90) @Max(2_160) int compositionHeight,
        @Min(1) @Max(60) int compositionFrameRate,
        @NotBlank @Pattern(regexp = "(?i)grid|speaker") String compositionLayout) {
}
