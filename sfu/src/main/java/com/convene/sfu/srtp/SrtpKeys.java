package com.convene.sfu.srtp;

import java.util.Arrays;

/// SRTP master keys split from the DTLS exporter output (RFC 5764 §4.2):
/// client_write_key | server_write_key | client_write_salt | server_write_salt.
///
/// @param profile negotiated profile
/// @param clientKey  key protecting what the DTLS client sends
/// @param clientSalt salt protecting what the DTLS client sends
/// @param serverKey  key protecting what the DTLS server (the SFU) sends
/// @param serverSalt salt protecting what the DTLS server sends
public record SrtpKeys(SrtpProfile profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey,
        byte[] serverSalt) {

    /// Splits exporter output of `2 * (keyLength + saltLength)` bytes.
    public static SrtpKeys fromExporter(SrtpProfile profile, byte[] material) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != 2 * (k + s)) {
            throw new IllegalArgumentException("keying material must be " + 2 * (k + s) + " bytes");
        }
        return new SrtpKeys(profile, Arrays.copyOfRange(material, 0, k), Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, k, 2 * k), Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + ", <redacted>]";
    }
}
