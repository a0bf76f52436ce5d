package com.convene.sfu.sdp;

/// A track found in a publisher's offer, with the codec the SFU chose for it.
///
/// @param mid      the m-line's mid
/// @param streamId MediaStream id from `a=msid`
/// @param trackId  track id from `a=msid`
/// @param ssrc     primary media SSRC (the first of an FID group, RFC 5576 §4.2)
/// @param cname    the SSRC's CNAME (RFC 3550 §6.5.1), reused in subscriber offers
/// @param codec    Opus or VP8 as offered
/// @param rtxSsrc  SSRC of the RTX stream paired with `ssrc` (the second of the FID group), which the SFU uses for
///                 its retransmissions to subscribers (the publisher sends none: its answer has no RTX); 0 when the
///                 offer had no FID group
public record OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec,
        int rtxSsrc) {

    /// A track without an RTX stream.
    public OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec) {
        this(mid, streamId, trackId, ssrc, cname, codec, 0);
    }

    /// Whether the SFU can retransmit this track's packets to subscribers on RTX.
    public boolean retransmits() {
        return rtxSsrc != 0 && codec.retransmits();
    }
}
