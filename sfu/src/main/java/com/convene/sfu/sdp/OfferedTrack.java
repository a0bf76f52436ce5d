package com.convene.sfu.sdp;

/// A track found in a publisher's offer, with the codec the SFU chose for it.
///
/// @param mid      the m-line's mid
/// @param streamId MediaStream id from `a=msid`
/// @param trackId  track id from `a=msid`
/// @param ssrc     primary media SSRC (the first of an FID group, RFC 5576 §4.2)
/// @param cname    the SSRC's CNAME (RFC 3550 §6.5.1), reused in subscriber offers
/// @param codec    Opus or VP8 as offered
public record OfferedTrack(String mid, String streamId, String trackId, int ssrc, String cname, Codec codec) {
}
