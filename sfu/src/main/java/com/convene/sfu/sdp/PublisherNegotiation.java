package com.convene.sfu.sdp;

import com.convene.sfu.MediaKind;
import com.convene.sfu.SdpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/// Answers a client's publish offer: every audio/video m-line that sends Opus or VP8 is accepted `recvonly` inside
/// one BUNDLE group with rtcp-mux; every other m-line (data channels, H.264-only video) is rejected with port 0.
/// Other codecs (RTX, RED, ulpfec, H.264, VP9, AV1) are simply not answered (RFC 8829 §5.3.1). Video keeps Generic
/// NACK feedback, so the publisher retransmits what the SFU reports lost (on the media SSRC, as no RTX is
/// answered); the publisher's RTX payload type and SSRC are kept for the SFU's own retransmissions to subscribers.
///
/// The SFU stays DTLS server: it answers `a=setup:passive` and rejects an offer that is `passive` itself (RFC 5763 §5).
///
/// A video m-line with an `a=ssrc-group:SIM` (the SDP the desktop app sends, decision 100) is taken as up to three
/// simulcast layers, lowest first, each with its RTX SSRC from its FID group; the answer needs nothing for it.
///
/// RTP header extensions (RFC 8285) are answered only when the SFU uses them, with the offerer's ids: the
/// transport-wide sequence number (with `a=rtcp-fb:<pt> transport-cc`, so the publisher runs its delay-based
/// estimate on our feedback) and the audio level of RFC 6464.
///
/// @param answer   the SDP answer
/// @param remote   the client's ICE and DTLS parameters
/// @param tracks   the tracks the client publishes, in m-line order
/// @param transportCcExtensionId the answered `a=extmap` id of transport-wide-cc, 1–255, or 0 when not offered
/// @param audioLevelExtensionId  the answered id of ssrc-audio-level (RFC 6464), 1–255, or 0 when not offered
public record PublisherNegotiation(String answer, RemoteTransportParameters remote, List<OfferedTrack> tracks,
        int transportCcExtensionId, int audioLevelExtensionId) {
    /// URI of the transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2).
    public static final String TRANSPORT_CC_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /// URI of the client-to-mixer audio level (RFC 6464 §4).
    public static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /// Simulcast layers taken from a SIM group; more are ignored (RFC 8853 §5.2 lets the answerer drop streams).
    static final int MAX_SIMULCAST_LAYERS = 3;
    private static final AtomicLong SESSION_IDS = new AtomicLong(System.currentTimeMillis());

    /// Copies the list.
    public PublisherNegotiation {
        tracks = List.copyOf(tracks);
    }

    /// Without header extensions.
    public PublisherNegotiation(String answer, RemoteTransportParameters remote, List<OfferedTrack> tracks) {
        this(answer, remote, tracks, 0, 0);
    }

    /// Negotiates one offer.
    ///
    /// @param offerSdp the client's offer
    /// @param local    our transport parameters
    /// @return the answer and what it accepted
    /// @throws SdpException when the offer cannot be accepted
    public static PublisherNegotiation negotiate(String offerSdp, LocalTransportParameters local) {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        if (offer.media().isEmpty()) {
            throw new SdpException(SdpException.Reason.MALFORMED, "offer has no m= lines");
        }
        List<String> bundle = offer.bundleMids();
        if (bundle.isEmpty()) {
            throw new SdpException(SdpException.Reason.BUNDLE_REQUIRED, "offer has no BUNDLE group");
        }
        MediaDescription bundleTag = null;
        for (MediaDescription section : offer.media()) {
            if (bundle.getFirst().equals(section.attribute("mid"))) {
                bundleTag = section;
            }
        }
        if (bundleTag == null) {
            throw new SdpException(SdpException.Reason.BUNDLE_REQUIRED, "BUNDLE tag names no m= line");
        }
        RemoteTransportParameters remote = RemoteTransportParameters.of(offer, bundleTag);
        if (remote.setup().equals("passive")) {
            throw new SdpException(SdpException.Reason.BAD_SETUP_ROLE, "offer a=setup:passive would make the SFU"
                    + " a DTLS client");
        }

        List<OfferedTrack> tracks = new ArrayList<>();
        List<String> acceptedMids = new ArrayList<>();
        int transportCcId = 0;
        int audioLevelId = 0;
        StringBuilder body = new StringBuilder();
        for (MediaDescription section : offer.media()) {
            String mid = section.attribute("mid");
            if (mid == null || mid.isBlank()) {
                throw new SdpException(SdpException.Reason.MALFORMED, "m= line without a=mid");
            }
            MediaKind kind = kindOf(section.media());
            Codec codec = kind == null ? null : chooseCodec(section, kind);
            boolean bundled = bundle.contains(mid);
            if (kind == null || codec == null || section.port() == 0 || !bundled
                    || !section.protocol().contains("RTP/SAVP")) {
                body.append("m=").append(section.media()).append(" 0 ").append(section.protocol()).append(' ')
                        .append(section.formats().isEmpty() ? "0" : section.formats().getFirst()).append("\r\n");
                body.append("c=IN IP4 0.0.0.0\r\n");
                body.append("a=mid:").append(mid).append("\r\n");
                continue;
            }
            if (!section.has("rtcp-mux")) {
                throw new SdpException(SdpException.Reason.BUNDLE_REQUIRED, "m= line " + mid + " lacks rtcp-mux");
            }
            acceptedMids.add(mid);
            String direction = section.direction();
            boolean sends = direction.equals("sendrecv") || direction.equals("sendonly");
            body.append("m=").append(kind.sdpName()).append(" 9 ").append(section.protocol()).append(' ')
                    .append(codec.payloadType()).append("\r\n");
            local.appendTo(body, "passive");
            body.append("a=mid:").append(mid).append("\r\n");
            body.append(sends ? "a=recvonly\r\n" : "a=inactive\r\n");
            body.append("a=rtcp-mux\r\n");
            if (section.has("rtcp-rsize")) {
                body.append("a=rtcp-rsize\r\n");
            }
            appendCodec(body, codec, false);
            int sectionTransportCc = extensionId(section, TRANSPORT_CC_URI);
            int sectionAudioLevel = kind == MediaKind.AUDIO ? extensionId(section, AUDIO_LEVEL_URI) : 0;
            if (sectionTransportCc > 0) {
                body.append("a=rtcp-fb:").append(codec.payloadType()).append(" transport-cc\r\n");
                body.append("a=extmap:").append(sectionTransportCc).append(' ').append(TRANSPORT_CC_URI)
                        .append("\r\n");
                transportCcId = transportCcId == 0 ? sectionTransportCc : transportCcId;
            }
            if (sectionAudioLevel > 0) {
                body.append("a=extmap:").append(sectionAudioLevel).append(' ').append(AUDIO_LEVEL_URI)
                        .append("\r\n");
                audioLevelId = audioLevelId == 0 ? sectionAudioLevel : audioLevelId;
            }
            if (sends) {
                OfferedTrack track = trackOf(section, mid, codec);
                if (track != null) {
                    tracks.add(track);
                }
            }
        }
        StringBuilder answer = new StringBuilder();
        answer.append("v=0\r\n");
        answer.append("o=- ").append(SESSION_IDS.incrementAndGet()).append(" 2 IN IP4 0.0.0.0\r\n");
        answer.append("s=-\r\n");
        answer.append("t=0 0\r\n");
        answer.append("a=ice-lite\r\n");
        if (!acceptedMids.isEmpty()) {
            answer.append("a=group:BUNDLE ").append(String.join(" ", acceptedMids)).append("\r\n");
        }
        answer.append("a=msid-semantic: WMS\r\n");
        answer.append(body);
        return new PublisherNegotiation(answer.toString(), remote, tracks, transportCcId, audioLevelId);
    }

    /// The id an `a=extmap` line of the section gives `uri` (RFC 8285 §8: `id[/direction] uri [attributes]`), or 0
    /// when the section does not offer it or offers it with an id outside 1–255 or only for receiving.
    static int extensionId(MediaDescription section, String uri) {
        for (String value : section.attributes("extmap")) {
            String[] parts = value.trim().split("\\s+");
            if (parts.length < 2 || !parts[1].equals(uri)) {
                continue;
            }
            String[] idAndDirection = parts[0].split("/", 2);
            if (idAndDirection.length == 2 && idAndDirection[1].equals("recvonly")) {
                return 0;
            }
            try {
                int id = Integer.parseInt(idAndDirection[0]);
                return id >= 1 && id <= 255 && id != 15 ? id : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /// Appends the codec's `rtpmap`, `rtcp-fb` and `fmtp` lines, and with `withRtx` its RTX type (RFC 4588 §8.6).
    static void appendCodec(StringBuilder sdp, Codec codec, boolean withRtx) {
        sdp.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.rtpmap()).append("\r\n");
        for (String feedback : codec.rtcpFeedback()) {
            sdp.append("a=rtcp-fb:").append(codec.payloadType()).append(' ').append(feedback).append("\r\n");
        }
        if (codec.fmtp() != null) {
            sdp.append("a=fmtp:").append(codec.payloadType()).append(' ').append(codec.fmtp()).append("\r\n");
        }
        if (withRtx && codec.rtxPayloadType() >= 0) {
            String clockRate = codec.rtpmap().substring(codec.rtpmap().indexOf('/') + 1).split("/")[0];
            sdp.append("a=rtpmap:").append(codec.rtxPayloadType()).append(" rtx/").append(clockRate).append("\r\n");
            sdp.append("a=fmtp:").append(codec.rtxPayloadType()).append(" apt=").append(codec.payloadType())
                    .append("\r\n");
        }
    }

    private static @Nullable MediaKind kindOf(String media) {
        return switch (media) {
            case "audio" -> MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            default -> null;
        };
    }

    /// The first offered Opus (audio) or VP8 (video) payload type, in the offerer's preference order.
    static @Nullable Codec chooseCodec(MediaDescription section, MediaKind kind) {
        List<String> rtpmaps = section.attributes("rtpmap");
        for (String format : section.formats()) {
            for (String rtpmap : rtpmaps) {
                int space = rtpmap.indexOf(' ');
                if (space < 0 || !rtpmap.substring(0, space).equals(format)) {
                    continue;
                }
                String encoding = rtpmap.substring(space + 1).trim();
                String lower = encoding.toLowerCase(Locale.ROOT);
                boolean match = kind == MediaKind.AUDIO ? lower.startsWith("opus/48000")
                        : lower.equals("vp8/90000");
                if (!match) {
                    continue;
                }
                int payloadType;
                try {
                    payloadType = Integer.parseInt(format);
                } catch (NumberFormatException e) {
                    throw new SdpException(SdpException.Reason.MALFORMED, "bad payload type " + format);
                }
                if (payloadType < 0 || payloadType > 127) {
                    throw new SdpException(SdpException.Reason.MALFORMED, "bad payload type " + format);
                }
                String fmtp = null;
                List<String> feedback = new ArrayList<>();
                for (String value : section.attributes("fmtp")) {
                    if (value.startsWith(format + " ")) {
                        fmtp = value.substring(format.length() + 1).trim();
                    }
                }
                for (String value : section.attributes("rtcp-fb")) {
                    if (value.startsWith(format + " ")) {
                        String fb = value.substring(format.length() + 1).trim();
                        // only feedback the SFU can honour: key-frame requests are relayed; lost video packets
                        // are asked for and retransmitted
                        if (fb.equals("nack pli") || fb.equals("ccm fir")
                                || (fb.equals("nack") && kind == MediaKind.VIDEO)) {
                            feedback.add(fb);
                        }
                    }
                }
                return new Codec(kind, payloadType, encoding, fmtp, feedback,
                        kind == MediaKind.VIDEO ? rtxPayloadType(section, format) : -1);
            }
        }
        return null;
    }

    /// The offered RTX payload type whose `fmtp` says `apt=<format>` (RFC 4588 §8.6), or -1.
    private static int rtxPayloadType(MediaDescription section, String format) {
        for (String rtpmap : section.attributes("rtpmap")) {
            int space = rtpmap.indexOf(' ');
            if (space < 0 || !rtpmap.substring(space + 1).trim().toLowerCase(Locale.ROOT).startsWith("rtx/")) {
                continue;
            }
            String rtx = rtpmap.substring(0, space);
            for (String fmtp : section.attributes("fmtp")) {
                if (fmtp.startsWith(rtx + " ") && fmtp.substring(rtx.length() + 1).trim().equals("apt=" + format)) {
                    try {
                        int payloadType = Integer.parseInt(rtx);
                        return payloadType >= 0 && payloadType <= 127 && !rtx.equals(format) ? payloadType : -1;
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private static @Nullable OfferedTrack trackOf(MediaDescription section, String mid, Codec codec) {
        List<String> ssrcLines = section.attributes("ssrc");
        if (ssrcLines.isEmpty()) {
            return null;
        }
        String primary = null;
        String rtx = null;
        List<String> simulcast = List.of();
        java.util.Map<String, String> rtxOf = new java.util.HashMap<>();
        for (String group : section.attributes("ssrc-group")) {
            String[] parts = group.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("FID")) {
                rtxOf.putIfAbsent(parts[1], parts[2]);
            }
            if (parts.length >= 3 && parts[0].equals("SIM") && simulcast.isEmpty()) {
                simulcast = List.of(parts).subList(1, Math.min(parts.length, 1 + MAX_SIMULCAST_LAYERS));
            }
        }
        if (!simulcast.isEmpty()) {
            primary = simulcast.getFirst();
            rtx = rtxOf.get(primary);
        } else {
            for (String group : section.attributes("ssrc-group")) {
                String[] parts = group.trim().split(" ");
                if (parts.length >= 2 && parts[0].equals("FID")) {
                    primary = parts[1];
                    rtx = parts.length == 3 ? parts[2] : null;
                    break;
                }
            }
        }
        if (primary == null) {
            primary = ssrcLines.getFirst().split(" ", 2)[0];
        }
        String cname = "";
        String ssrcMsid = null;
        for (String line : ssrcLines) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2 && parts[0].equals(primary)) {
                if (parts[1].startsWith("cname:")) {
                    cname = parts[1].substring(6);
                } else if (parts[1].startsWith("msid:")) {
                    ssrcMsid = parts[1].substring(5);
                }
            }
        }
        String msid = section.attribute("msid");
        if (msid == null) {
            msid = ssrcMsid;
        }
        if (msid == null) {
            msid = "-";
        }
        String[] msidParts = msid.trim().split(" ");
        String streamId = msidParts[0];
        String trackId = msidParts.length > 1 ? msidParts[1] : mid;
        long ssrc;
        try {
            ssrc = Long.parseLong(primary);
        } catch (NumberFormatException e) {
            throw new SdpException(SdpException.Reason.MALFORMED, "bad ssrc " + primary);
        }
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new SdpException(SdpException.Reason.MALFORMED, "bad ssrc " + primary);
        }
        int rtxSsrc = 0;
        if (rtx != null && codec.rtxPayloadType() >= 0) {
            try {
                long value = Long.parseLong(rtx);
                rtxSsrc = value > 0 && value <= 0xFFFF_FFFFL && value != ssrc ? (int) value : 0;
            } catch (NumberFormatException e) {
                rtxSsrc = 0; // an unreadable RTX SSRC only costs retransmissions
            }
        }
        int[] layers = new int[codec.kind() == MediaKind.VIDEO ? simulcast.size() : 0];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = (int) parseSsrc(simulcast.get(i));
        }
        if (layers.length == 1) {
            layers = new int[0];
        }
        return new OfferedTrack(mid, streamId, trackId, (int) ssrc, cname, codec, rtxSsrc, layers);
    }

    private static long parseSsrc(String value) {
        try {
            long ssrc = Long.parseLong(value);
            if (ssrc >= 0 && ssrc <= 0xFFFF_FFFFL) {
                return ssrc;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SdpException(SdpException.Reason.MALFORMED, "bad ssrc " + value);
    }
}
