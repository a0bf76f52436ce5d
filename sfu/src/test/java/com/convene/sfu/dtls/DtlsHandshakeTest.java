package com.convene.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuListener;
import com.convene.sfu.SfuParticipant;
import com.convene.sfu.SfuServer;
import com.convene.sfu.ice.StunAttributeType;
import com.convene.sfu.ice.StunMessage;
import com.convene.sfu.ice.StunMessageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/// A BouncyCastle DTLS client (standing in for a browser) connects to the SFU's publish transport on loopback:
/// ICE check first, then DTLS-SRTP; the SFU must check the client certificate against the SDP fingerprint.
class DtlsHandshakeTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());
    /// Record header, handshake header, client_version (2) and random (32): the ClientHello's session_id length.
    private static final int SESSION_ID_LENGTH_OFFSET = DtlsRecords.HEADER_LENGTH + 12 + 2 + 32;

    private SfuServer server;
    private String offerTemplate;
    private final DtlsCertificate clientCertificate = DtlsCertificate.generate();
    private final CountDownLatch connected = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws IOException {
        server = SfuServer.start(SfuConfig.loopback("127.0.0.1"));
        try (InputStream in = getClass().getResourceAsStream("/sdp/libwebrtc-publish-offer.sdp")) {
            offerTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void completesHandshakeWhenClientCertificateMatchesSdp() throws Exception {
        String answer = publish(clientCertificate.fingerprint());

        String serverFingerprint = handshake(answer);

        assertThat(serverFingerprint).isEqualTo(attribute(answer, "fingerprint:sha-256 "));
        assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void rejectsClientCertificateThatDoesNotMatchSdp() throws Exception {
        String answer = publish(DtlsCertificate.generate().fingerprint());

        assertThatThrownBy(() -> handshake(answer)).isInstanceOf(IOException.class);
        assertThat(connected.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    /// Finding 8 of issue 15: one malformed ClientHello from the validated address used to end the transport's
    /// handshake for good. Now it is dropped without an answer (RFC 6347 §4.1.2.7), logged at most once without its
    /// bytes, and the real client's handshake afterwards completes with SRTP keys on both ends.
    @Test
    @Timeout(90)
    void malformedClientHelloIsDroppedAndALaterHandshakeStillCompletes() throws Exception {
        String answer = publish(clientCertificate.fingerprint());
        byte[] hello = capturedClientHello();
        byte[] malformed = hello.clone();
        malformed[SESSION_ID_LENGTH_OFFSET] = (byte) 0xFF; // session_id claims 255 bytes: the body cannot decode
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(DtlsSession.class);
        logger.addAppender(log);
        try {
            SrtpClient client = new SrtpClient();
            String serverFingerprint = handshake(answer, client, malformed);

            assertThat(serverFingerprint).isEqualTo(attribute(answer, "fingerprint:sha-256 "));
            assertThat(connected.await(5, TimeUnit.SECONDS)).as("server got SRTP keys").isTrue();
            assertThat(client.srtpKeyingMaterial).as("client exported SRTP keys").hasSize(2 * (16 + 14));
            assertThat(log.list).hasSizeLessThanOrEqualTo(2);
            String hex = HexFormat.of().formatHex(malformed, 0, 32);
            assertThat(log.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContainIgnoringCase(hex.substring(26, 50)));
        } finally {
            logger.detachAppender(log);
        }
    }

    /// A ClientHello as bctls sends it: first datagram of a DTLS 1.2 client with use_srtp.
    private static byte[] capturedClientHello() throws Exception {
        java.util.List<byte[]> sent = new java.util.ArrayList<>();
        org.bouncycastle.tls.DatagramTransport capture = new org.bouncycastle.tls.DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 1500;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                throw new IOException("capture only");
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                sent.add(java.util.Arrays.copyOfRange(buf, off, off + len));
            }

            @Override
            public void close() {
            }
        };
        DtlsHandshakeTest outer = new DtlsHandshakeTest();
        try {
            new DTLSClientProtocol().connect(outer.new SrtpClient(), capture);
        } catch (IOException expected) {
            // the capture transport ends the handshake after the first flight
        }
        byte[] hello = sent.getFirst();
        assertThat(hello[0]).as("handshake record").isEqualTo((byte) 22);
        assertThat(hello[DtlsRecords.HEADER_LENGTH]).as("ClientHello").isEqualTo((byte) 1);
        assertThat(hello[SESSION_ID_LENGTH_OFFSET]).as("empty session id").isZero();
        return hello;
    }

    private String publish(String fingerprint) {
        String offer = offerTemplate.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+", "a=fingerprint:sha-256 "
                + fingerprint);
        SfuParticipant participant = server.room("r").join("alice", new SfuListener() {
            @Override
            public void onSubscriberOffer(String sdpOffer) {
            }

            @Override
            public void onTrackPublished(PublishedTrack track) {
            }

            @Override
            public void onTrackUnpublished(PublishedTrack track) {
            }

            @Override
            public void onPublisherConnected() {
                connected.countDown();
            }
        });
        return participant.acceptPublisherOffer(offer);
    }

    /// Runs the ICE check and the DTLS handshake; returns the server certificate's fingerprint.
    private String handshake(String answer) throws Exception {
        return handshake(answer, new SrtpClient());
    }

    /// Runs the ICE check, sends `injected` datagrams from the validated address (each must get no answer), then
    /// the DTLS handshake; returns the server certificate's fingerprint.
    private String handshake(String answer, SrtpClient client, byte[]... injected) throws Exception {
        String ufrag = attribute(answer, "ice-ufrag:");
        String pwd = attribute(answer, "ice-pwd:");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(2000);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(pwd.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] request = new StunMessageWriter().start(StunMessage.BINDING_REQUEST, new byte[12])
                    .attribute(StunAttributeType.USERNAME, ufrag + ":PzyA")
                    .attribute(StunAttributeType.USE_CANDIDATE, new byte[0])
                    .messageIntegrity(mac).fingerprint().toByteArray();
            socket.send(new DatagramPacket(request, request.length));
            DatagramPacket response = new DatagramPacket(new byte[1500], 1500);
            socket.receive(response);
            StunMessage parsed = new StunMessage();
            assertThat(parsed.parse(response.getData(), 0, response.getLength())).isTrue();
            assertThat(parsed.messageType()).isEqualTo(StunMessage.BINDING_SUCCESS);
            assertThat(parsed.verifyMessageIntegrity(mac)).isTrue();
            assertThat(parsed.verifyFingerprint()).isTrue();

            for (byte[] datagram : injected) {
                socket.send(new DatagramPacket(datagram, datagram.length));
                socket.setSoTimeout(500);
                DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
                assertThatThrownBy(() -> socket.receive(reply)).as("no answer to a malformed datagram")
                        .isInstanceOf(java.net.SocketTimeoutException.class);
            }
            socket.setSoTimeout(0);
            new DTLSClientProtocol().connect(client, new UDPTransport(socket, 1500)).close();
            return client.serverFingerprint;
        }
    }

    private static String attribute(String sdp, String prefix) {
        Matcher matcher = Pattern.compile("a=" + Pattern.quote(prefix) + "(\\S+)").matcher(sdp);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private final class SrtpClient extends DefaultTlsClient {
        volatile String serverFingerprint = "";
        volatile byte[] srtpKeyingMaterial = new byte[0];

        SrtpClient() {
            super(CRYPTO);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Hashtable getClientExtensions() throws IOException {
            Hashtable extensions = super.getClientExtensions();
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {0x0007, 0x0001}, new byte[0]));
            return extensions;
        }

        @Override
        public int getHandshakeTimeoutMillis() {
            return 30_000; // a server that never answers fails the test instead of hanging it
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            srtpKeyingMaterial = context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, 2 * (16 + 14));
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    serverFingerprint = DtlsCertificate.fingerprintOf(
                            serverCertificate.getCertificate().getCertificateAt(0).getEncoded());
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                    Certificate chain = new Certificate(new org.bouncycastle.tls.crypto.TlsCertificate[] {
                        CRYPTO.createCertificate(clientCertificate.encoded())
                    });
                    return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO,
                            clientCertificate.privateKey(), chain,
                            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
                }
            };
        }
    }
}
