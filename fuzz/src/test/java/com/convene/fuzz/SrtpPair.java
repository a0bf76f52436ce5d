package com.convene.fuzz;

import com.convene.sfu.srtp.SrtpKeys;
import com.convene.sfu.srtp.SrtpProfile;
import com.convene.sfu.srtp.SrtpSession;

/// Two SRTP sessions with mirrored fixed keys: what [#sender] protects, [#receiver] unprotects. Fresh per input:
/// sessions kept across inputs see random sequence numbers jump by more than 2^15, which desynchronises the
/// rollover counter estimate (RFC 3711 §3.3.1) and fails authentication for reasons no real stream has.
final class SrtpPair {
    private static final byte[] KEY_A = bytes(16, 1);
    private static final byte[] SALT_A = bytes(14, 2);
    private static final byte[] KEY_B = bytes(16, 3);
    private static final byte[] SALT_B = bytes(14, 4);

    private final SrtpSession sender = new SrtpSession(
            new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, KEY_B, SALT_B, KEY_A, SALT_A));
    private final SrtpSession receiver = new SrtpSession(
            new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, KEY_A, SALT_A, KEY_B, SALT_B));

    SrtpSession sender() {
        return sender;
    }

    SrtpSession receiver() {
        return receiver;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
