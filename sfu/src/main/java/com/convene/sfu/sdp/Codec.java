package com.convene.sfu.sdp;

import com.convene.sfu.MediaKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// One RTP codec as negotiated with a publisher, reused verbatim in subscriber offers so no payload-type rewriting
/// is needed.
///
/// @param kind        audio (Opus) or video (VP8)
/// @param payloadType dynamic payload type, 96–127 (libwebrtc uses 35–127)
/// @param rtpmap      `a=rtpmap` value after the payload type, e.g. `VP8/90000`
/// @param fmtp        `a=fmtp` parameters, or null
/// @param rtcpFeedback `a=rtcp-fb` values we keep, e.g. `nack pli`
/// @param rtxPayloadType payload type of the publisher's RTX stream for this codec (RFC 4588 §8, `apt=`), which
///                       the SFU offers subscribers for its own retransmissions; -1 when none was offered
public record Codec(MediaKind kind, int payloadType, String rtpmap, @Nullable String fmtp,
        List<String> rtcpFeedback, int rtxPayloadType) {

    /// Copies the list and checks the payload types.
    public Codec {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127, got " + payloadType);
        }
        if (rtxPayloadType < -1 || rtxPayloadType > 127 || rtxPayloadType == payloadType) {
            throw new IllegalArgumentException("bad RTX payload type " + rtxPayloadType);
        }
        rtcpFeedback = List.copyOf(rtcpFeedback);
    }

    /// A codec without RTX.
    public Codec(MediaKind kind, int payloadType, String rtpmap, @Nullable String fmtp, List<String> rtcpFeedback) {
        this(kind, payloadType, rtpmap, fmtp, rtcpFeedback, -1);
    }

    /// Whether receivers may ask for lost packets with Generic NACKs (RFC 4585 §6.2.1, `a=rtcp-fb:<pt> nack`).
    public boolean nack() {
        return rtcpFeedback.contains("nack");
    }

    /// Whether the SFU retransmits to subscribers on an RTX stream (RFC 4588): NACK negotiated and an RTX type.
    public boolean retransmits() {
        return nack() && rtxPayloadType >= 0;
    }
}
