package com.convene.sfu.dtls;

import com.convene.sfu.SfuException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/// The SFU's self-signed ECDSA P-256 certificate, generated at start, and its SHA-256 fingerprint for
/// `a=fingerprint` (RFC 8122 §5). Immutable and thread-safe.
public final class DtlsCertificate {
    private final PrivateKey privateKey;
    private final byte[] encoded;
    private final String fingerprint;

    private DtlsCertificate(PrivateKey privateKey, byte[] encoded) {
        this.privateKey = privateKey;
        this.encoded = encoded;
        this.fingerprint = fingerprintOf(encoded);
    }

    /// Generates a key pair and a certificate valid from one day ago for 30 days.
    ///
    /// @return the certificate
    public static DtlsCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=convene-sfu");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(63, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), name, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()));
            return new DtlsCertificate(keyPair.getPrivate(), holder.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new SfuException("cannot generate the DTLS certificate", e);
        }
    }

    /// The fingerprint value for `a=fingerprint:sha-256 <value>`: upper-case hex bytes joined by colons.
    public static String fingerprintOf(byte[] derCertificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(derCertificate);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /// Whether two fingerprint strings denote the same digest, ignoring case.
    public static boolean sameFingerprint(String a, String b) {
        return a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }

    /// The SHA-256 fingerprint of this certificate.
    public String fingerprint() {
        return fingerprint;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] encoded() {
        return encoded.clone();
    }
}
