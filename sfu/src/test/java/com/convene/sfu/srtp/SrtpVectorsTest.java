package com.convene.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/// SRTP against RFC 3711 appendix B (`vectors/rfc3711.txt`): the AES-CM keystream of B.2, and a packet protected by
/// [SrtpSession] with the B.3 master key and salt, whose ciphertext and tag must be what the B.3 session keys give.
class SrtpVectorsTest {
    private final Map<String, byte[]> vectors = load();

    /// B.2: AES in counter mode with the session salt as IV (our reference keystream for the next test).
    @Test
    void aesCounterModeKeystreamMatchesRfc3711B2() throws GeneralSecurityException {
        byte[] keystream = keystream(vectors.get("b2-session-key"), vectors.get("b2-session-salt"), 48);

        assertThat(HexFormat.of().formatHex(keystream))
                .isEqualToIgnoringCase(HexFormat.of().formatHex(vectors.get("b2-keystream")));
    }

    /// B.3: with the B.3 master key and salt, SSRC 0 and sequence number 0 (index 0, so the IV is the session salt),
    /// the SRTP payload is the plaintext XOR the keystream of the B.3 cipher key and salt, and the 80-bit tag is
    /// HMAC-SHA1 with the B.3 authentication key over header, ciphertext and ROC 0 (RFC 3711 §4.1.1, §4.2, §4.3).
    @Test
    void protectsWithTheSessionKeysOfRfc3711B3() throws GeneralSecurityException {
        byte[] masterKey = vectors.get("b3-master-key");
        byte[] masterSalt = vectors.get("b3-master-salt");
        SrtpSession session = new SrtpSession(new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80,
                new byte[16], new byte[14], masterKey, masterSalt));
        byte[] payload = "RFC 3711 appendix B.3 vector payload".getBytes(StandardCharsets.US_ASCII);
        byte[] header = HexFormat.of().parseHex("80600000" + "00000001" + "00000000"); // PT 96, seq 0, SSRC 0
        PacketBuffer packet = new PacketBuffer().copyFrom(concat(header, payload), 0, header.length + payload.length);

        assertThat(session.protectRtp(packet, 0)).isNull();

        int start = packet.getOffset();
        byte[] srtp = Arrays.copyOfRange(packet.getBuffer(), start, start + packet.getLength());
        assertThat(srtp).hasSize(header.length + payload.length + 10);
        byte[] keystream = keystream(vectors.get("b3-cipher-key"), vectors.get("b3-cipher-salt"), payload.length);
        byte[] expectedCiphertext = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            expectedCiphertext[i] = (byte) (payload[i] ^ keystream[i]);
        }
        assertThat(Arrays.copyOfRange(srtp, 0, header.length)).isEqualTo(header);
        assertThat(Arrays.copyOfRange(srtp, header.length, header.length + payload.length))
                .isEqualTo(expectedCiphertext);
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(vectors.get("b3-auth-key"), "HmacSHA1"));
        hmac.update(srtp, 0, header.length + payload.length);
        byte[] tag = hmac.doFinal(new byte[4]); // ROC 0
        assertThat(Arrays.copyOfRange(srtp, header.length + payload.length, srtp.length))
                .isEqualTo(Arrays.copyOf(tag, 10));
    }

    /// AES-CM keystream for index 0 and SSRC 0: AES_k(salt * 2^16 + counter), counter 0, 1, 2...
    private static byte[] keystream(byte[] key, byte[] salt, int length) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] out = new byte[(length + 15) / 16 * 16];
        byte[] counter = Arrays.copyOf(salt, 16);
        for (int block = 0; block * 16 < length; block++) {
            counter[14] = (byte) (block >>> 8);
            counter[15] = (byte) block;
            System.arraycopy(aes.doFinal(counter), 0, out, block * 16, 16);
        }
        return Arrays.copyOf(out, length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> values = new HashMap<>();
        try (InputStream in = SrtpVectorsTest.class.getResourceAsStream("/vectors/rfc3711.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals).trim(),
                        HexFormat.of().parseHex(line.substring(equals + 1).replace(" ", "").trim()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
