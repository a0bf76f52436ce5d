package com.convene.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/// A BouncyCastle DTLS client (standing in for a browser) connects to the SFU's publish transport on loopback:
/// ICE check first, then DTLS-SRTP; the SFU must check the client certificate against the SDP fingerprint.
class DtlsHandshakeTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());

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

            socket.setSoTimeout(0);
            SrtpClient client = new SrtpClient();
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
