package com.convene.sfu.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StunMessageTest {
    private StunVectors vectors;
    private Mac mac;
    private final StunMessage message = new StunMessage();

    @BeforeEach
    void setUp() throws Exception {
        vectors = new StunVectors();
        mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(vectors.password().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    }

    @Test
    void parsesRfc5769SampleRequest() {
        byte[] request = vectors.bytes("sample-request");

        assertThat(message.parse(request, 0, request.length)).isTrue();
        assertThat(message.messageType()).isEqualTo(StunMessage.BINDING_REQUEST);
        assertThat(message.username()).isEqualTo("evtj:h6vY");
        assertThat(message.has(StunAttributeType.PRIORITY)).isTrue();
        assertThat(message.has(StunAttributeType.ICE_CONTROLLED)).isTrue();
        assertThat(message.has(StunAttributeType.USE_CANDIDATE)).isFalse();
        assertThat(message.verifyMessageIntegrity(mac)).isTrue();
        assertThat(message.verifyFingerprint()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-ipv4-response", "sample-ipv6-response"})
    void verifiesRfc5769SampleResponses(String name) {
        byte[] response = vectors.bytes(name);

        assertThat(message.parse(response, 0, response.length)).isTrue();
        assertThat(message.messageType()).isEqualTo(StunMessage.BINDING_SUCCESS);
        assertThat(message.verifyMessageIntegrity(mac)).isTrue();
        assertThat(message.verifyFingerprint()).isTrue();
    }

    @Test
    void decodesXorMappedAddressOfRfc5769Ipv6Response() throws Exception {
        byte[] response = vectors.bytes("sample-ipv6-response");
        message.parse(response, 0, response.length);

        assertThat(decodeXorMapped(response)).isEqualTo(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
    }

    @Test
    void writesResponseEqualToRfc5769Ipv4ResponseUpToPadding() throws Exception {
        byte[] expected = vectors.bytes("sample-ipv4-response");
        byte[] transactionId = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");
        StunMessageWriter writer = new StunMessageWriter().start(StunMessage.BINDING_SUCCESS, transactionId)
                .attribute(StunAttributeType.SOFTWARE, "test vector")
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        // RFC 5769 pads SOFTWARE with a space; RFC 8489 §14 pads with zeros: patch the pad byte to compare bytes
        writer.buffer()[20 + 4 + 11] = 0x20;
        byte[] actual = writer.messageIntegrity(mac).fingerprint().toByteArray();

        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void writtenMessageRoundTrips() throws Exception {
        byte[] transactionId = new byte[12];
        transactionId[11] = 7;
        byte[] written = new StunMessageWriter().start(StunMessage.BINDING_REQUEST, transactionId)
                .attribute(StunAttributeType.USERNAME, "abcd:efgh")
                .attribute(StunAttributeType.USE_CANDIDATE, new byte[0])
                .messageIntegrity(mac).fingerprint().toByteArray();

        assertThat(message.parse(written, 0, written.length)).isTrue();
        assertThat(message.username()).isEqualTo("abcd:efgh");
        assertThat(message.has(StunAttributeType.USE_CANDIDATE)).isTrue();
        assertThat(message.verifyMessageIntegrity(mac)).isTrue();
        assertThat(message.verifyFingerprint()).isTrue();
    }

    @Test
    void rejectsTamperedIntegrityAndFingerprint() {
        byte[] request = vectors.bytes("sample-request");
        request[30] ^= 1; // inside SOFTWARE, covered by both

        assertThat(message.parse(request, 0, request.length)).isTrue();
        assertThat(message.verifyMessageIntegrity(mac)).isFalse();
        assertThat(message.verifyFingerprint()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                                     // empty
        "0001",                                                 // shorter than a header
        "000100002112a442b7e7a701bc34d686fa87df",               // 19 bytes
        "000100002112a443b7e7a701bc34d686fa87dfae",             // bad magic cookie
        "c00100002112a442b7e7a701bc34d686fa87dfae",             // top bits set
        "000100042112a442b7e7a701bc34d686fa87dfae",             // length says 4, no body
        "000100022112a442b7e7a701bc34d686fa87dfae0000",         // length not a multiple of 4
        "000100042112a442b7e7a701bc34d686fa87dfae00060008",     // attribute overruns the message
        "000100082112a442b7e7a701bc34d686fa87dfae0008000400000000", // MESSAGE-INTEGRITY of 4 bytes
        "000100102112a442b7e7a701bc34d686fa87dfae80280004000000000006000461626364", // after FINGERPRINT
    })
    void rejectsMalformedMessages(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(message.parse(bytes, 0, bytes.length)).isFalse();
    }

    private InetSocketAddress decodeXorMapped(byte[] buffer) throws Exception {
        int at = message.valueOffset(StunAttributeType.XOR_MAPPED_ADDRESS);
        int length = message.valueLength(StunAttributeType.XOR_MAPPED_ADDRESS);
        int port = (((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF)) ^ 0x2112;
        byte[] address = new byte[length - 4];
        for (int i = 0; i < address.length; i++) {
            address[i] = (byte) (buffer[at + 4 + i] ^ buffer[4 + i]);
        }
        return new InetSocketAddress(InetAddress.getByAddress(address), port);
    }
}
