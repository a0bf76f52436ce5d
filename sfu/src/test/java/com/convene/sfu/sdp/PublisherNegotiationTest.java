package com.convene.sfu.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.sfu.MediaKind;
import com.convene.sfu.SdpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Answers a publish offer captured from libwebrtc (webrtc-java 0.14, see `PublishOfferCapture`).
class PublisherNegotiationTest {
    static final LocalTransportParameters LOCAL = new LocalTransportParameters("sfuA", "abcdefghijklmnopqrstuvwx",
            "AA:BB", List.of("127.0.0.2"), 40000);

    private String offer;

    @BeforeEach
    void setUp() throws IOException {
        offer = resource("/sdp/libwebrtc-publish-offer.sdp");
    }

    static String resource(String path) throws IOException {
        try (InputStream in = PublisherNegotiationTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersOpusAndVp8RecvonlyInOneBundle() {
        PublisherNegotiation negotiation = PublisherNegotiation.negotiate(offer, LOCAL);
        String answer = negotiation.answer();

        assertThat(answer).contains("a=ice-lite\r\n", "a=group:BUNDLE 0 1\r\n",
                "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n", "a=rtpmap:96 VP8/90000\r\n",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n", "a=rtpmap:111 opus/48000/2\r\n",
                "a=setup:passive\r\n", "a=recvonly\r\n", "a=rtcp-mux\r\n", "a=ice-ufrag:sfuA\r\n",
                "a=fingerprint:sha-256 AA:BB\r\n",
                "a=candidate:1 1 udp 2130706431 127.0.0.2 40000 typ host\r\n", "a=end-of-candidates\r\n",
                "a=rtcp-fb:96 nack\r\n", "a=rtcp-fb:96 nack pli\r\n", "a=rtcp-fb:96 ccm fir\r\n");
        assertThat(answer).doesNotContain("a=rtcp-fb:111 nack"); // audio losses are concealed, not repaired
        assertThat(answer).doesNotContain("rtx", "H264", "VP9", "red/", "goog-remb", "actpass");
        assertThat(SessionDescription.parse(answer).media()).hasSize(2);
    }

    /// Issue 13: the publisher gets transport-cc feedback from the SFU, so the answer keeps the transport-wide
    /// sequence number (with the offerer's id) and `transport-cc` feedback on both m-lines, and the audio level for
    /// speaker detection; header extensions the SFU does not use are not answered.
    @Test
    void answersTransportWideCcAndAudioLevelWithTheOfferersIds() {
        PublisherNegotiation negotiation = PublisherNegotiation.negotiate(offer, LOCAL);
        String answer = negotiation.answer();

        assertThat(negotiation.transportCcExtensionId()).isEqualTo(4);
        assertThat(negotiation.audioLevelExtensionId()).isEqualTo(14);
        assertThat(answer).contains("a=rtcp-fb:96 transport-cc\r\n", "a=rtcp-fb:111 transport-cc\r\n",
                "a=extmap:4 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n",
                "a=extmap:14 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n");
        assertThat(answer.split("a=extmap:4 ", -1)).as("one transport-wide-cc line per m-line").hasSize(3);
        assertThat(answer).doesNotContain("abs-send-time", "toffset", "video-orientation", "sdes:mid",
                "rtp-stream-id");
    }

    /// Issue 13 item 3: the desktop app's simulcast offer (an `a=ssrc-group:SIM` of three SSRCs, lowest layer
    /// first, each with its FID group; decision 100) gives one video track with three layers whose primary SSRC is
    /// the lowest layer's, with that layer's RTX SSRC.
    @Test
    void takesASimGroupAsThreeSimulcastLayersLowestFirst() {
        String simulcast = offer.replace("a=ssrc-group:FID 2894731291 138532123\r\n",
                "a=ssrc-group:SIM 2894731291 1001 1003\r\n"
                        + "a=ssrc-group:FID 2894731291 138532123\r\n"
                        + "a=ssrc-group:FID 1001 1002\r\n"
                        + "a=ssrc-group:FID 1003 1004\r\n"
                        + "a=ssrc:1001 cname:1rKdbacOBg/NgiXG\r\na=ssrc:1002 cname:1rKdbacOBg/NgiXG\r\n"
                        + "a=ssrc:1003 cname:1rKdbacOBg/NgiXG\r\na=ssrc:1004 cname:1rKdbacOBg/NgiXG\r\n");
        assertThat(simulcast).contains("SIM");

        OfferedTrack video = PublisherNegotiation.negotiate(simulcast, LOCAL).tracks().get(0);

        assertThat(Integer.toUnsignedString(video.ssrc())).isEqualTo("2894731291");
        assertThat(Integer.toUnsignedString(video.rtxSsrc())).isEqualTo("138532123");
        assertThat(video.layerSsrcs()).containsExactly((int) 2894731291L, 1001, 1003);
        OfferedTrack plain = PublisherNegotiation.negotiate(offer, LOCAL).tracks().get(0);
        assertThat(plain.layerSsrcs()).containsExactly((int) 2894731291L);
    }

    @Test
    void answersNoExtensionWhenNoneIsOffered() {
        String plain = offer.replaceAll("a=extmap:[^\r\n]*\r?\n", "");
        PublisherNegotiation negotiation = PublisherNegotiation.negotiate(plain, LOCAL);

        assertThat(negotiation.transportCcExtensionId()).isZero();
        assertThat(negotiation.answer()).doesNotContain("a=extmap", "transport-cc");
    }

    @Test
    void extractsTracksWithPrimarySsrcAndMsid() {
        List<OfferedTrack> tracks = PublisherNegotiation.negotiate(offer, LOCAL).tracks();

        assertThat(tracks).hasSize(2);
        OfferedTrack video = tracks.get(0);
        assertThat(video.mid()).isEqualTo("0");
        assertThat(video.streamId()).isEqualTo("capture");
        assertThat(video.trackId()).isEqualTo("capture-video");
        assertThat(Integer.toUnsignedString(video.ssrc())).isEqualTo("2894731291"); // first of the FID group
        assertThat(video.cname()).isEqualTo("1rKdbacOBg/NgiXG");
        assertThat(video.codec().kind()).isEqualTo(MediaKind.VIDEO);
        // the publisher's RTX type and SSRC (second of the FID group), kept for the SFU's own retransmissions
        assertThat(video.codec().rtxPayloadType()).isEqualTo(97);
        assertThat(video.rtxSsrc()).isNotZero().isNotEqualTo(video.ssrc());
        assertThat(video.retransmits()).isTrue();
        assertThat(tracks.get(1).retransmits()).isFalse();
        assertThat(tracks.get(1).codec().payloadType()).isEqualTo(111);
        assertThat(tracks.get(1).codec().fmtp()).contains("useinbandfec=1");
    }

    @Test
    void readsRemoteIceAndFingerprint() {
        RemoteTransportParameters remote = PublisherNegotiation.negotiate(offer, LOCAL).remote();

        assertThat(remote.iceUfrag()).isEqualTo("PzyA");
        assertThat(remote.setup()).isEqualTo("actpass");
        assertThat(remote.fingerprint()).startsWith("EE:60:94:AC");
    }

    @Test
    void rejectsOfferThatWouldMakeSfuDtlsClient() {
        assertReason(offer.replace("a=setup:actpass", "a=setup:passive"), SdpException.Reason.BAD_SETUP_ROLE);
    }

    @Test
    void rejectsOfferWithoutBundle() {
        assertReason(offer.replace("a=group:BUNDLE 0 1\r\n", ""), SdpException.Reason.BUNDLE_REQUIRED);
    }

    @Test
    void rejectsOfferWithoutSha256Fingerprint() {
        assertReason(offer.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+\r\n", ""),
                SdpException.Reason.MISSING_FINGERPRINT);
    }

    @Test
    void rejectsOfferWithoutIceCredentials() {
        assertReason(offer.replaceAll("a=ice-pwd:[^\r\n]+\r\n", ""), SdpException.Reason.MISSING_ICE_CREDENTIALS);
    }

    @Test
    void rejectsGarbage() {
        assertReason("hello", SdpException.Reason.MALFORMED);
        assertReason("", SdpException.Reason.MALFORMED);
        assertReason("v=0\r\nm=video x UDP/TLS/RTP/SAVPF 96\r\n", SdpException.Reason.MALFORMED);
    }

    @Test
    void rejectsVideoLineWithoutVp8ButKeepsAudio() {
        String h264Only = offer.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 AV1X/90000");
        PublisherNegotiation negotiation = PublisherNegotiation.negotiate(h264Only, LOCAL);

        assertThat(negotiation.answer()).contains("m=video 0 UDP/TLS/RTP/SAVPF", "a=group:BUNDLE 1\r\n");
        assertThat(negotiation.tracks()).extracting(t -> t.codec().kind()).containsExactly(MediaKind.AUDIO);
    }

    private static void assertReason(String sdp, SdpException.Reason reason) {
        assertThatThrownBy(() -> PublisherNegotiation.negotiate(sdp, LOCAL))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
