package com.convene.sfu.sdp;

import com.convene.sfu.MediaKind;
import org.jspecify.annotations.Nullable;

/// One m-line of a subscriber offer. Mids never change; a slot whose track went away stays `inactive`.
///
/// @param mid         the slot's mid, stable across offers
/// @param kind        audio or video
/// @param codec       the publisher's codec (kept after the track leaves so the m-line stays valid)
/// @param publisherId the publisher's participant id, used as MediaStream id in `a=msid`; null when inactive
/// @param track       the forwarded track; null when inactive
public record SubscriberSlot(String mid, MediaKind kind, Codec codec, @Nullable String publisherId,
        @Nullable OfferedTrack track) {

    /// Whether the slot currently forwards a track.
    public boolean active() {
        return track != null && publisherId != null;
    }
}
