package com.convene.sfu;

/// The media type of a track, as in the SDP `m=` line (RFC 8866 §5.14).
public enum MediaKind {
    /// `m=audio`; the SFU forwards Opus only.
    AUDIO,
    /// `m=video`; the SFU forwards VP8 only.
    VIDEO;

    /// The SDP media name, `audio` or `video`.
    ///
    /// @return the lower-case name
    public String sdpName() {
        return this == AUDIO ? "audio" : "video";
    }
}
