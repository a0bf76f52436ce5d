package com.convene.sfu;

import java.util.Objects;

/// A track a publisher sends to the SFU, as announced in its publish offer.
///
/// @param participantId publisher's participant id
/// @param streamId      MediaStream id from `a=msid` (RFC 8830 §2)
/// @param trackId       track id from `a=msid`
/// @param kind          audio or video
/// @param ssrc          publisher's media SSRC, unsigned 32 bits stored in an int
/// @param mid           mid of the publisher's m-line (RFC 8843 §14)
public record PublishedTrack(String participantId, String streamId, String trackId, MediaKind kind, int ssrc,
        String mid) {

    /// Checks that no component is null.
    public PublishedTrack {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mid, "mid");
    }

    @Override
    public String toString() {
        return "PublishedTrack[" + participantId + "/" + trackId + " " + kind + " ssrc="
                + Integer.toUnsignedString(ssrc) + " mid=" + mid + "]";
    }
}
