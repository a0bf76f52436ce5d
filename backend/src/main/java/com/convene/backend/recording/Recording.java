package com.convene.backend.recording;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `recordings` (seed 000): one recording of a meeting, from start to stop. Its per-track files are
/// [RecordingTrack] rows; `storageKey` is the key prefix they share (`recordings/<meeting>/<recording>/`).
///
/// @param fileSizeBytes    total bytes of the stored files, once stopped
/// @param durationSeconds  wall time from start to stop in whole seconds (rounded), once stopped
/// @param processingStatus `recording`, `processing`, `ready` or `failed`
/// @param visibility       `private`, `participants` or `public`
/// @param partial          salvaged after the server stopped while recording (V42, docs/decisions/058): up to
///                         2 s per track before the stop may be missing
@MappedEntity("recordings")
record Recording(
        @Id UUID recordingId,
        UUID meetingId,
        UUID recordedByUserId,
        String title,
        @Nullable String description,
        @Nullable Long fileSizeBytes,
        @Nullable Integer durationSeconds,
        String storageProvider,
        String storageBucket,
        String storageKey,
        @Nullable String storageRegion,
        String recordingType,
        @Nullable String videoQuality,
        @Nullable String audioQuality,
        String processingStatus,
        @Nullable Instant processingStartedAt,
        @Nullable Instant processingCompletedAt,
        @Nullable String processingError,
        String visibility,
        boolean downloadEnabled,
        boolean passwordProtected,
        @Nullable String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant expiresAt,
        boolean partial) {
}
