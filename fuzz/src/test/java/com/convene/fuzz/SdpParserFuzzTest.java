package com.convene.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.convene.sfu.MediaKind;
import com.convene.sfu.SdpException;
import com.convene.sfu.sdp.Codec;
import com.convene.sfu.sdp.LocalTransportParameters;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.sdp.PublisherNegotiation;
import com.convene.sfu.sdp.SessionDescription;
import com.convene.sfu.sdp.SubscriberNegotiation;
import com.convene.sfu.sdp.SubscriberSlot;
import java.nio.charset.StandardCharsets;
import java.util.List;

/// Fuzzes SDP text (the input bytes decoded as UTF-8) from a client (RFC 8866, RFC 8829 offer/answer): the
/// parser, the publisher offer negotiation and the subscriber answer check, which is everything the SFU does with
/// SDP a participant sends. The only allowed failure is [SdpException]; a finding is any other exception or error.
/// An accepted offer's answer must itself parse.
///
/// Corpus: `SdpParserFuzzTestInputs/parse/` (a libwebrtc publish offer, a subscriber answer, broken variants).
class SdpParserFuzzTest {
    private static final LocalTransportParameters LOCAL = new LocalTransportParameters("sfu1", "sfupassword0123456789",
            "AA:BB:CC:DD", List.of("127.0.0.2"), 40000);
    private static final Codec VP8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of("nack pli"));
    private static final Codec OPUS = new Codec(MediaKind.AUDIO, 111, "opus/48000/2", "minptime=10", List.of());
    private static final List<SubscriberSlot> SLOTS = List.of(
            new SubscriberSlot("0", MediaKind.VIDEO, VP8, "alice",
                    new OfferedTrack("0", "alice", "alice-video", 1234, "cnameA", VP8)),
            new SubscriberSlot("1", MediaKind.AUDIO, OPUS, null, null));

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String sdp = new String(input, StandardCharsets.UTF_8);
        try {
            SessionDescription.parse(sdp);
        } catch (SdpException expected) {
            return;
        }
        try {
            PublisherNegotiation negotiation = PublisherNegotiation.negotiate(sdp, LOCAL);
            SessionDescription.parse(negotiation.answer());
        } catch (SdpException expected) {
            // refused offer: fine
        }
        try {
            SubscriberNegotiation.checkAnswer(sdp, SLOTS);
        } catch (SdpException expected) {
            // refused answer: fine
        }
    }
}
