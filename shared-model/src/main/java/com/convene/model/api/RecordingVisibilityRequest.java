package com.convene.model.api;

/// Changes who may see and download a recording.
///
/// @param visibility `private`, `participants` or `public`
public record RecordingVisibilityRequest(String visibility) {
}
