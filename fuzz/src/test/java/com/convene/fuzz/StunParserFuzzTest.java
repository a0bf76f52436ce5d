package com.convene.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.convene.sfu.ice.StunAttributeType;
import com.convene.sfu.ice.StunMessage;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/// Fuzzes the STUN parser (RFC 8489 §5, §14) the way the SFU's ICE-lite agent reads a datagram from anyone:
/// parse, then read USERNAME and check MESSAGE-INTEGRITY and FINGERPRINT. A finding is any exception or error:
/// the parser must answer `false` for malformed input, never throw (the socket loop treats a throw as a bug).
///
/// Corpus: `StunParserFuzzTestInputs/parse/` (the RFC 5769 sample messages and some broken ones).
class StunParserFuzzTest {
    private static final Mac MAC = mac("VOkJxbRl1RmTxUk/WvJxBt");

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] datagram) {
        StunMessage message = new StunMessage();
        if (!message.parse(datagram, 0, datagram.length)) {
            return;
        }
        message.messageType();
        message.copyTransactionId(new byte[12], 0);
        message.username();
        message.verifyFingerprint();
        message.verifyMessageIntegrity(MAC);
        for (int type : new int[] {StunAttributeType.USERNAME, StunAttributeType.PRIORITY,
            StunAttributeType.USE_CANDIDATE, StunAttributeType.MESSAGE_INTEGRITY, StunAttributeType.FINGERPRINT}) {
            int offset = message.valueOffset(type);
            int length = message.valueLength(type);
            if (message.has(type) && (offset < 0 || length < 0 || offset + length > datagram.length)) {
                throw new IllegalStateException("attribute " + type + " points outside the datagram");
            }
        }
    }

    private static Mac mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
