package com.convene.sfu.sdp;

import com.convene.sfu.SdpException;
import java.util.ArrayList;
import java.util.List;

/// Builds the SFU's offers for a subscribe PeerConnection and checks the client's answers.
///
/// Offers carry one `sendonly` m-line per remote track with the publisher's SSRC, CNAME and payload type, so packets
/// are forwarded without rewriting. A video track whose publisher offered RTX also gets the RTX type and an FID group
/// (RFC 5576 §4.2) with the publisher's RTX SSRC, on which the SFU retransmits what the subscriber NACKs. They say `a=setup:actpass` as RFC 5763 §5 requires of an offer, and the answer
/// must say `active` so the SFU stays DTLS server; libwebrtc does so.
public final class SubscriberNegotiation {

    private SubscriberNegotiation() {
    }

    /// Builds an offer.
    ///
    /// @param local          our transport parameters
    /// @param slots          all m-lines in mid order, active and inactive; at least one
    /// @param sessionId      `o=` session id, constant for the PeerConnection
    /// @param sessionVersion `o=` version, incremented on every offer (RFC 8866 §5.2)
    public static String offer(LocalTransportParameters local, List<SubscriberSlot> slots, long sessionId,
            long sessionVersion) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one m-line");
        }
        List<String> mids = new ArrayList<>();
        for (SubscriberSlot slot : slots) {
            mids.add(slot.mid());
        }
        StringBuilder sdp = new StringBuilder();
        sdp.append("v=0\r\n");
        sdp.append("o=- ").append(sessionId).append(' ').append(sessionVersion).append(" IN IP4 0.0.0.0\r\n");
        sdp.append("s=-\r\n");
        sdp.append("t=0 0\r\n");
        sdp.append("a=ice-lite\r\n");
        sdp.append("a=group:BUNDLE ").append(String.join(" ", mids)).append("\r\n");
        sdp.append("a=msid-semantic: WMS *\r\n");
        for (SubscriberSlot slot : slots) {
            Codec codec = slot.codec();
            boolean rtx = codec.retransmits();
            sdp.append("m=").append(slot.kind().sdpName()).append(" 9 UDP/TLS/RTP/SAVPF ")
                    .append(codec.payloadType());
            if (rtx) {
                sdp.append(' ').append(codec.rtxPayloadType());
            }
            sdp.append("\r\n");
            local.appendTo(sdp, "actpass");
            sdp.append("a=mid:").append(slot.mid()).append("\r\n");
            OfferedTrack track = slot.track();
            String publisherId = slot.publisherId();
            if (track != null && publisherId != null) {
                sdp.append("a=sendonly\r\n");
                sdp.append("a=msid:").append(publisherId).append(' ').append(track.trackId()).append("\r\n");
            } else {
                sdp.append("a=inactive\r\n");
            }
            sdp.append("a=rtcp-mux\r\n");
            sdp.append("a=rtcp-rsize\r\n");
            PublisherNegotiation.appendCodec(sdp, codec, rtx);
            if (track != null && publisherId != null) {
                String ssrc = Integer.toUnsignedString(track.ssrc());
                String cname = track.cname().isEmpty() ? publisherId : track.cname();
                List<String> ssrcs = new ArrayList<>(List.of(ssrc));
                if (rtx && track.retransmits()) {
                    String rtxSsrc = Integer.toUnsignedString(track.rtxSsrc());
                    ssrcs.add(rtxSsrc);
                    sdp.append("a=ssrc-group:FID ").append(ssrc).append(' ').append(rtxSsrc).append("\r\n");
                }
                for (String each : ssrcs) {
                    sdp.append("a=ssrc:").append(each).append(" cname:").append(cname).append("\r\n");
                    sdp.append("a=ssrc:").append(each).append(" msid:").append(publisherId).append(' ')
                            .append(track.trackId()).append("\r\n");
                }
            }
        }
        return sdp.toString();
    }

    /// Checks a client's answer against the offer it answers.
    ///
    /// @param answerSdp the answer
    /// @param offered   the slots of the outstanding offer
    /// @return the client's transport parameters
    /// @throws SdpException when the answer is malformed, does not match, or makes the SFU a DTLS client
    public static RemoteTransportParameters checkAnswer(String answerSdp, List<SubscriberSlot> offered) {
        SessionDescription answer = SessionDescription.parse(answerSdp);
        if (answer.media().size() != offered.size()) {
            throw new SdpException(SdpException.Reason.UNEXPECTED_ANSWER,
                    "answer has " + answer.media().size() + " m= lines, offer had " + offered.size());
        }
        MediaDescription first = null;
        for (int i = 0; i < offered.size(); i++) {
            MediaDescription section = answer.media().get(i);
            if (!offered.get(i).mid().equals(section.attribute("mid"))) {
                throw new SdpException(SdpException.Reason.UNEXPECTED_ANSWER, "m= line " + i + " has another mid");
            }
            if (first == null && section.port() != 0) {
                first = section;
            }
        }
        if (first == null) {
            throw new SdpException(SdpException.Reason.UNEXPECTED_ANSWER, "every m= line rejected");
        }
        if (answer.bundleMids().isEmpty()) {
            throw new SdpException(SdpException.Reason.BUNDLE_REQUIRED, "answer has no BUNDLE group");
        }
        RemoteTransportParameters remote = RemoteTransportParameters.of(answer, first);
        if (!remote.setup().equals("active")) {
            throw new SdpException(SdpException.Reason.BAD_SETUP_ROLE,
                    "answer must say a=setup:active, said " + remote.setup());
        }
        return remote;
    }
}
