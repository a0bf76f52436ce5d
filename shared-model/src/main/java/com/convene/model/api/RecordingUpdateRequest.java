package com.convene.model.api;

/// Changes who may see and download a recording (`PATCH /api/v1/recordings/{id}`); a `null` field is left as it is
/// (seed 000 `recordings`: `visibility`, `download_enabled`, `password_protected`, `password_hash`).
///
/// @param visibility      `private`, `participants` or `public`
/// @param downloadEnabled whether people other than the host, the recorder and admins may download its files
/// @param password        4–128 characters to protect downloads with a password (stored as an argon2id hash), or
///                        the empty string to remove the protection
public record RecordingUpdateRequest(
        String visibility, Boolean downloadEnabled, String password) {

    /// Only the visibility.
    public static RecordingUpdateRequest visibility(String visibility) {
        return new RecordingUpdateRequest(visibility, null, null);
    }
}
