package com.convene.sfu.sdp;

import java.util.Arrays;

/// A track found in a publisher's offer, with the codec the SFU chose for it.
///
/// @param mid      the m-line's mid
/// @param streamId MediaStream id from `a=msid`
/// @param trackId  track id from `a=msid`
/// @param ssrc     primary media SSRC: the first of an FID group (RFC 5576 §4.2), or the first (lowest) layer of a
///                 SIM group; the SSRC subscribers see for the track
/// @param cname    the SSRC's CNAME (RFC 3550 §6.5.1), reused in subscriber offers
/// @param codec    Opus or VP8 as offered
/// @param rtxSsrc  SSRC of the RTX stream paired with `ssrc` (the second of the FID group), which the SFU uses for
///                 its retransmissions to subscribers (the publisher sends none: its answer has no RTX); 0 when the
///                 offer had no FID group
/// @param simulcastSsrcs the SSRCs of the simulcast layers, lowest resolution first (`a=ssrc-group:SIM`, the
///                 convention libwebrtc follows; docs/media-quality.md "Simulcast"), the first equal to `ssrc`; empty
///                 when the track is sent in one stream
public record OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec,
        int rtxSsrc, int[] simulcastSsrcs) {

    /// Copies the array and checks that a simulcast group starts with `ssrc`.
    public OfferedTrack {
        simulcastSsrcs = simulcastSsrcs.clone();
        if (simulcastSsrcs.length > 0 && simulcastSsrcs[0] != ssrc) {
            throw new IllegalArgumentException("the lowest simulcast layer must be the primary SSRC");
        }
    }

    /// A track in one stream.
    public OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec,
            int rtxSsrc) {
        this(mid, streamId, trackId, ssrc, cname, codec, rtxSsrc, new int[0]);
    }

    /// A track in one stream without an RTX stream.
    public OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec) {
        this(mid, streamId, trackId, ssrc, cname, codec, 0);
    }

    /// Whether the SFU can retransmit this track's packets to subscribers on RTX.
    public boolean retransmits() {
        return rtxSsrc != 0 && codec.retransmits();
    }

    /// The SSRCs the track arrives in, lowest layer first: the simulcast layers, or just `ssrc`.
    public int[] layerSsrcs() {
        return simulcastSsrcs.length > 0 ? simulcastSsrcs.clone() : new int[] {ssrc};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OfferedTrack that && mid.equals(that.mid) && streamId.equals(that.streamId)
                && trackId.equals(that.trackId) && ssrc == that.ssrc && cname.equals(that.cname)
                && codec.equals(that.codec) && rtxSsrc == that.rtxSsrc
                && Arrays.equals(simulcastSsrcs, that.simulcastSsrcs);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(mid, streamId, trackId, ssrc, cname, codec, rtxSsrc)
                + Arrays.hashCode(simulcastSsrcs);
    }

    @Override
    public String toString() {
        return "OfferedTrack[mid=" + mid + ", trackId=" + trackId + ", ssrc=" + Integer.toUnsignedString(ssrc)
                + ", layers=" + Math.max(1, simulcastSsrcs.length) + "]";
    }
}
