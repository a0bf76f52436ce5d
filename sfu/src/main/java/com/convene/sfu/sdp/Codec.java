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
public record Codec(MediaKind kind, int payloadType, String rtpmap, @Nullable String fmtp,
        List<String> rtcpFeedback) {

    /// Copies the list and checks the payload type.
    public Codec {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127, got " + payloadType);
        }
        rtcpFeedback = List.copyOf(rtcpFeedback);
    }
}
