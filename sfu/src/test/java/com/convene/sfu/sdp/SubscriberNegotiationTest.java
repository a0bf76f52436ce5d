package com.convene.sfu.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.sfu.MediaKind;
import com.convene.sfu.SdpException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberNegotiationTest {
    private static final Codec VP8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of("nack pli"));
    private static final Codec OPUS = new Codec(MediaKind.AUDIO, 111, "opus/48000/2", "minptime=10;useinbandfec=1",
            List.of());
    private static final List<SubscriberSlot> SLOTS = List.of(
            new SubscriberSlot("0", MediaKind.VIDEO, VP8, "alice",
                    new OfferedTrack("0", "alice", "alice-video", (int) 3_000_000_000L, "cnameA", VP8)),
            new SubscriberSlot("1", MediaKind.AUDIO, OPUS, null, null));

    @Test
    void offersSendonlyWithPublisherSsrcAndMsid() {
        String offer = SubscriberNegotiation.offer(PublisherNegotiationTest.LOCAL, SLOTS, 42, 3);

        assertThat(offer).contains("o=- 42 3 IN IP4", "a=ice-lite\r\n", "a=group:BUNDLE 0 1\r\n",
                "a=setup:actpass\r\n", "a=sendonly\r\n", "a=msid:alice alice-video\r\n",
                "a=ssrc:3000000000 cname:cnameA\r\n", "a=ssrc:3000000000 msid:alice alice-video\r\n",
                "a=inactive\r\n", "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n",
                "a=candidate:1 1 udp 2130706431 127.0.0.2 40000 typ host\r\n");
        assertThat(SessionDescription.parse(offer).media()).extracting(MediaDescription::direction)
                .containsExactly("sendonly", "inactive");
    }

    @Test
    void offersRtxWithAnFidGroupForVideoWithNack() {
        Codec vp8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of("nack", "nack pli"), 97);
        OfferedTrack video = new OfferedTrack("0", "bob", "bob-video", 1234, "cnameB", vp8, 5678);
        String offer = SubscriberNegotiation.offer(PublisherNegotiationTest.LOCAL,
                List.of(new SubscriberSlot("0", MediaKind.VIDEO, vp8, "bob", video)), 1, 1);

        assertThat(offer).contains("m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n", "a=rtcp-fb:96 nack\r\n",
                "a=rtpmap:97 rtx/90000\r\n", "a=fmtp:97 apt=96\r\n", "a=ssrc-group:FID 1234 5678\r\n",
                "a=ssrc:5678 cname:cnameB\r\n", "a=ssrc:5678 msid:bob bob-video\r\n");
        // without NACK (the fixture's codec) there is no RTX
        assertThat(SubscriberNegotiation.offer(PublisherNegotiationTest.LOCAL, SLOTS, 42, 3))
                .doesNotContain("rtx", "FID");
    }

    @Test
    void acceptsActiveAnswer() {
        RemoteTransportParameters remote = SubscriberNegotiation.checkAnswer(answer("active"), SLOTS);

        assertThat(remote.iceUfrag()).isEqualTo("cli1");
        assertThat(remote.fingerprint()).isEqualTo("01:02");
    }

    @Test
    void rejectsPassiveAnswer() {
        assertThatThrownBy(() -> SubscriberNegotiation.checkAnswer(answer("passive"), SLOTS))
                .isInstanceOfSatisfying(SdpException.class,
                        e -> assertThat(e.reason()).isEqualTo(SdpException.Reason.BAD_SETUP_ROLE));
    }

    @Test
    void rejectsAnswerWithOtherMids() {
        assertThatThrownBy(() -> SubscriberNegotiation.checkAnswer(answer("active").replace("a=mid:1", "a=mid:9"),
                SLOTS)).isInstanceOfSatisfying(SdpException.class,
                        e -> assertThat(e.reason()).isEqualTo(SdpException.Reason.UNEXPECTED_ANSWER));
    }

    private static String answer(String setup) {
        String transport = "a=ice-ufrag:cli1\r\na=ice-pwd:0123456789012345678901\r\n"
                + "a=fingerprint:sha-256 01:02\r\na=setup:" + setup + "\r\n";
        return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n" + transport + "a=mid:0\r\na=recvonly\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" + transport + "a=mid:1\r\na=inactive\r\n";
    }
}
