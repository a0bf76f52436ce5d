package com.convene.model.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/// A recording as the API shows it (seed 000 `recordings`), with its per-track files.
///
/// @param id               recording id
/// @param meetingId        the meeting recorded
/// @param recordedByUserId who started it (the host, an admin, or the host when `auto_record` started it)
/// @param title            1–500 characters
/// @param status           `recording` (capture running), `processing`, `ready` or `failed`
/// @param visibility       `private` (host, recorder, admins), `participants` (also the meeting's participants)
///                         or `public` (any signed-in user)
/// @param downloadEnabled  whether files may be downloaded
/// @param passwordProtected whether downloads ask for the recording's password (`X-Recording-Password`) from
///                         anyone but the host, the recorder and admins
/// @param canManage        whether the caller may change who sees it, set its password and delete it (the
///                         meeting's host, whoever recorded it, admins)
/// @param startedAt        when capture started
/// @param durationSeconds  capture duration in whole seconds once stopped, else `null`
/// @param fileSizeBytes    total size of the stored files in bytes once stopped, else `null`
/// @param expiresAt        when the retention job may delete it, or `null` for never
/// @param error            why it failed, safe to show, or `null`
/// @param progressPercent  composition progress 0–100 while `processing`, else `null`
/// @param downloadPath     `GET` path of the composed MP4 (ranges supported) once `ready`, else `null`
/// @param tracks           the per-track files, by start offset
/// @param partial          the backend stopped while capturing (a crash); the files were recovered up to at most
///                         about 1 s before the stop (docs/decisions/058-crash-safe-recording.md)
public record RecordingView(
        UUID id,
        UUID meetingId,
        UUID recordedByUserId,
        String title,
        String status,
        String visibility,
        boolean downloadEnabled,
        boolean passwordProtected,
        boolean canManage,
        Instant startedAt,
        Integer durationSeconds,
        Long fileSizeBytes,
        Instant expiresAt,
        String error,
        Integer progressPercent,
        String downloadPath,
        List<RecordingTrackView> tracks,
        boolean partial) {

    /// Copies the track list.
    public RecordingView {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    /// A recording that was not interrupted by a crash (`partial` false).
    public RecordingView(UUID id, UUID meetingId, UUID recordedByUserId, String title, String status,
                         String visibility, boolean downloadEnabled, boolean passwordProtected, boolean canManage,
                         Instant startedAt, Integer durationSeconds, Long fileSizeBytes, Instant expiresAt,
                         String error, Integer progressPercent, String downloadPath,
                         List<RecordingTrackView> tracks) {
        this(id, meetingId, recordedByUserId, title, status, visibility, downloadEnabled, passwordProtected,
                canManage, startedAt, durationSeconds, fileSizeBytes, expiresAt, error, progressPercent,
                downloadPath, tracks, false);
    }
}
