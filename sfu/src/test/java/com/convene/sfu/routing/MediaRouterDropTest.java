package com.convene.sfu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuStats;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.ice.StunAttributeType;
import com.convene.sfu.ice.StunMessage;
import com.convene.sfu.ice.StunMessageWriter;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Feeds malformed datagrams straight into the media path and checks each is dropped and counted by reason.
class MediaRouterDropTest {
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);
    private static final String REMOTE_UFRAG = "rmt1";

    private UdpSocketLoop loop;
    private MediaRouter router;
    private PeerTransport transport;

    @BeforeEach
    void setUp() {
        loop = UdpSocketLoop.bind("127.0.0.1", 0); // never started: the test plays the loop thread
        router = new MediaRouter(loop, DtlsCertificate.generate(), 500_000_000L);
        transport = router.newTransport("test/alice/publish", PeerTransport.Role.PUBLISH, () -> { });
        transport.setRemote(REMOTE_UFRAG, "00");
    }

    @AfterEach
    void tearDown() {
        router.remove(transport);
        loop.close();
    }

    static Stream<Arguments> unboundInputs() {
        return Stream.of(
                Arguments.of("empty datagram", "", DropReason.UNKNOWN_PROTOCOL),
                Arguments.of("first byte 64", "40000000", DropReason.UNKNOWN_PROTOCOL),
                Arguments.of("first byte 255", "ff", DropReason.UNKNOWN_PROTOCOL),
                Arguments.of("truncated STUN header", "000100582112a4", DropReason.MALFORMED_STUN),
                Arguments.of("STUN bad cookie", "000100002112a443b7e7a701bc34d686fa87dfae", DropReason.MALFORMED_STUN),
                Arguments.of("STUN length mismatch", "000100082112a442b7e7a701bc34d686fa87dfae",
                        DropReason.MALFORMED_STUN),
                Arguments.of("STUN binding response", "010100002112a442b7e7a701bc34d686fa87dfae",
                        DropReason.UNSUPPORTED_STUN),
                Arguments.of("STUN request without USERNAME", "000100002112a442b7e7a701bc34d686fa87dfae",
                        DropReason.UNSUPPORTED_STUN),
                Arguments.of("DTLS from unknown source", "16fefd000000000000000000000000", DropReason.UNKNOWN_SOURCE),
                Arguments.of("RTP from unknown source", "8060000100000001000000020000", DropReason.UNKNOWN_SOURCE),
                Arguments.of("RTCP from unknown source", "80c8000100000001", DropReason.UNKNOWN_SOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unboundInputs")
    void dropsAndCountsFromUnknownAddress(String description, String hex, DropReason expected) {
        assertDropped(STRANGER, HexFormat.of().parseHex(hex), expected);
    }

    static Stream<Arguments> boundInputs() {
        return Stream.of(
                Arguments.of("truncated DTLS record", "16fefd0000", DropReason.MALFORMED_DTLS),
                Arguments.of("DTLS record longer than datagram", "16fefd000000000000000000ff00", DropReason.MALFORMED_DTLS),
                Arguments.of("DTLS wrong major version", "16030300000000000000000000", DropReason.MALFORMED_DTLS),
                Arguments.of("truncated RTP", "806000", DropReason.MALFORMED_RTP),
                Arguments.of("RTP CSRC count past end", "8f60000100000001000000020000", DropReason.MALFORMED_RTP),
                Arguments.of("RTP extension past end", "9060000100000001000000020000", DropReason.MALFORMED_RTP),
                Arguments.of("truncated RTCP", "80c800", DropReason.MALFORMED_RTCP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundInputs")
    void dropsAndCountsMalformedFromBoundAddress(String description, String hex, DropReason expected)
            throws Exception {
        bindPeer();
        assertDropped(PEER, HexFormat.of().parseHex(hex), expected);
    }

    /// SRTP and SRTCP that arrive before the keys are kept (the client's first probes and key frame), up to
    /// [EarlyPackets#CAPACITY]; the rest are dropped as [DropReason#SRTP_NOT_READY].
    @Test
    void keepsPacketsBeforeTheKeysUpToALimit() throws Exception {
        bindPeer();
        byte[] rtp = HexFormat.of().parseHex("806000010000000100000002deadbeef");
        byte[] rtcp = HexFormat.of().parseHex("80c80001000000010000000000000000");
        for (int i = 0; i < EarlyPackets.CAPACITY; i++) {
            byte[] packet = i % 2 == 0 ? rtp : rtcp;
            router.onDatagram(packet, packet.length, PEER, System.nanoTime());
        }
        assertThat(router.stats().totalDropped()).isZero();
        assertThat(transport.early().count()).isEqualTo(EarlyPackets.CAPACITY);
        assertDropped(PEER, rtp, DropReason.SRTP_NOT_READY);
        assertDropped(PEER, rtcp, DropReason.SRTP_NOT_READY);
    }

    @Test
    void dropsCheckWithUnknownUfrag() throws Exception {
        byte[] request = bindingRequest("nobody:" + REMOTE_UFRAG, transport.localCredentials().pwd(), true);
        assertDropped(STRANGER, request, DropReason.UNKNOWN_USERNAME);
    }

    @Test
    void dropsCheckWithWrongRemoteUfrag() throws Exception {
        byte[] request = bindingRequest(transport.localCredentials().ufrag() + ":other",
                transport.localCredentials().pwd(), true);
        assertDropped(STRANGER, request, DropReason.UNKNOWN_USERNAME);
    }

    @Test
    void dropsCheckWithBadMessageIntegrity() throws Exception {
        byte[] request = bindingRequest(transport.localCredentials().ufrag() + ":" + REMOTE_UFRAG,
                "wrong-password-wrong-password", true);
        assertDropped(STRANGER, request, DropReason.BAD_MESSAGE_INTEGRITY);
        assertThat(transport.address()).isNull();
    }

    @Test
    void dropsCheckWithBadFingerprint() throws Exception {
        byte[] request = bindingRequest(transport.localCredentials().ufrag() + ":" + REMOTE_UFRAG,
                transport.localCredentials().pwd(), true);
        request[request.length - 1] ^= 1;
        assertDropped(STRANGER, request, DropReason.BAD_FINGERPRINT);
    }

    @Test
    void bindsAddressAfterValidCheck() throws Exception {
        bindPeer();

        assertThat(transport.address()).isEqualTo(PEER);
        assertThat(router.stats().totalDropped()).isZero();
    }

    @Test
    void survivesRandomDatagrams() throws Exception {
        bindPeer();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(1500)];
            random.nextBytes(datagram);
            if (datagram.length > 0 && random.nextBoolean()) {
                datagram[0] = (byte) (0x80 | (datagram[0] & 0x3F)); // make many of them look like RTP/RTCP
            }
            InetSocketAddress source = random.nextBoolean() ? PEER : STRANGER;
            assertThatCode(() -> router.onDatagram(datagram, datagram.length, source, System.nanoTime()))
                    .doesNotThrowAnyException();
        }
        int kept = transport.early() == null ? 0 : transport.early().count(); // RTP-like before keys: kept
        assertThat(kept).isBetween(0, EarlyPackets.CAPACITY);
        assertThat(router.stats().totalDropped()).isEqualTo(20_000 - kept);
        long perStage = router.stageDrops().values().stream()
                .flatMap(counts -> counts.values().stream()).mapToLong(Long::longValue).sum();
        assertThat(perStage).as("every drop is counted by exactly one stage").isEqualTo(20_000 - kept);
    }

    @Test
    void eachDropIsCountedByTheStageThatMadeIt() throws Exception {
        bindPeer();
        byte[] rtpBeforeKeys = HexFormat.of().parseHex("806000010000000100000002deadbeef");
        for (int i = 0; i <= EarlyPackets.CAPACITY; i++) { // the packets before the keys are kept, up to a limit
            router.onDatagram(rtpBeforeKeys, rtpBeforeKeys.length, PEER, System.nanoTime());
        }
        byte[] rtpFromStranger = HexFormat.of().parseHex("8060000100000001000000020000");
        router.onDatagram(rtpFromStranger, rtpFromStranger.length, STRANGER, System.nanoTime());
        byte[] truncatedDtls = HexFormat.of().parseHex("16fefd0000");
        router.onDatagram(truncatedDtls, truncatedDtls.length, PEER, System.nanoTime());
        byte[] unknown = HexFormat.of().parseHex("40000000");
        router.onDatagram(unknown, unknown.length, PEER, System.nanoTime());

        assertThat(router.stageDrops())
                .containsEntry("rtp/srtp-decrypt", java.util.Map.of(DropReason.SRTP_NOT_READY, 1L))
                .containsEntry("rtp/transport-lookup", java.util.Map.of(DropReason.UNKNOWN_SOURCE, 1L))
                .containsEntry("dtls/dtls", java.util.Map.of(DropReason.MALFORMED_DTLS, 1L))
                .containsEntry("demux", java.util.Map.of(DropReason.UNKNOWN_PROTOCOL, 1L));
    }

    private void bindPeer() throws Exception {
        byte[] request = bindingRequest(transport.localCredentials().ufrag() + ":" + REMOTE_UFRAG,
                transport.localCredentials().pwd(), true);
        router.onDatagram(request, request.length, PEER, System.nanoTime());
        assertThat(transport.address()).isEqualTo(PEER);
    }

    private void assertDropped(InetSocketAddress source, byte[] datagram, DropReason expected) {
        SfuStats before = router.stats();
        byte[] buffer = new byte[1600];
        System.arraycopy(datagram, 0, buffer, 0, datagram.length);
        router.onDatagram(buffer, datagram.length, source, System.nanoTime());
        SfuStats after = router.stats();
        assertThat(after.dropped(expected) - before.dropped(expected)).as("count of " + expected).isEqualTo(1);
        assertThat(after.totalDropped() - before.totalDropped()).as("total drops").isEqualTo(1);
    }

    private static byte[] bindingRequest(String username, String password, boolean useCandidate) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] transactionId = new byte[12];
        new Random().nextBytes(transactionId);
        StunMessageWriter writer = new StunMessageWriter().start(StunMessage.BINDING_REQUEST, transactionId)
                .attribute(StunAttributeType.USERNAME, username)
                .attribute(StunAttributeType.PRIORITY, new byte[] {0x6e, 0, 1, (byte) 0xff});
        if (useCandidate) {
            writer.attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
        }
        return writer.messageIntegrity(mac).fingerprint().toByteArray();
    }
}
