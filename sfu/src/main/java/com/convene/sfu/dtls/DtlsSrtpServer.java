package com.convene.sfu.dtls;

import com.convene.sfu.srtp.SrtpKeys;
import com.convene.sfu.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.jspecify.annotations.Nullable;

/// The bctls server peer for DTLS-SRTP (RFC 5764): DTLS 1.2, ECDHE-ECDSA suites, a mandatory client certificate
/// checked against the SDP fingerprint, and use_srtp. Used by one handshake thread.
final class DtlsSrtpServer extends DefaultTlsServer {
    private static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";
    private static final long FINGERPRINT_WAIT_SECONDS = 15;

    private final JcaTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final CompletableFuture<String> remoteFingerprint;
    private @Nullable SrtpProfile chosenProfile;
    private @Nullable SrtpKeys keys;

    DtlsSrtpServer(JcaTlsCrypto crypto, DtlsCertificate certificate, CompletableFuture<String> remoteFingerprint) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        };
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        Certificate chain = new Certificate(new org.bouncycastle.tls.crypto.TlsCertificate[] {
            crypto.createCertificate(certificate.encoded())
        });
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), chain,
                new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
        algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        algorithms.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure);
        }
        String actual = DtlsCertificate.fingerprintOf(clientCertificate.getCertificateAt(0).getEncoded());
        String expected;
        try {
            // The subscriber's answer may still be on its way through signaling when its ClientHello arrives.
            expected = remoteFingerprint.get(FINGERPRINT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlsFatalAlert(AlertDescription.internal_error);
        } catch (ExecutionException | TimeoutException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
        if (!DtlsCertificate.sameFingerprint(actual, expected)) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure);
        }
        // Preference order: AES-CM with the 80-bit tag (universally supported), then AES-GCM (RFC 7714).
        for (SrtpProfile preferred : SrtpProfile.values()) {
            for (int id : offered.getProtectionProfiles()) {
                if (id == preferred.id()) {
                    chosenProfile = preferred;
                    return;
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        SrtpProfile profile = chosenProfile;
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error);
        }
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {profile.id()}, new byte[0]));
        return extensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        SrtpProfile profile = chosenProfile;
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error);
        }
        byte[] material = context.exportKeyingMaterial(EXPORTER_LABEL, null,
                2 * (profile.keyLength() + profile.saltLength()));
        keys = SrtpKeys.fromExporter(profile, material);
    }

    /// The keys, available after the handshake completed.
    @Nullable SrtpKeys keys() {
        return keys;
    }
}
