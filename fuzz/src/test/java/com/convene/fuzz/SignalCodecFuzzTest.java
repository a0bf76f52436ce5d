package com.convene.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalDecodeException;
import java.nio.charset.StandardCharsets;

/// Fuzzes the signaling JSON codec ([SignalCodec]) with arbitrary text frames (the input bytes decoded as UTF-8),
/// as a participant's WebSocket could send them. The only allowed failure is [SignalDecodeException]; a finding is
/// any other exception or error. A frame that decodes must encode and decode again to an equal message.
///
/// Corpus: `SignalCodecFuzzTestInputs/decode/` (the golden messages of shared-model's codec tests, broken ones).
class SignalCodecFuzzTest {
    private static final SignalCodec CODEC = new SignalCodec();

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        String frame = new String(input, StandardCharsets.UTF_8);
        Signal signal;
        try {
            signal = CODEC.decode(frame);
        } catch (SignalDecodeException expected) {
            return;
        }
        String encoded = CODEC.encode(signal);
        Signal again;
        try {
            again = CODEC.decode(encoded);
        } catch (SignalDecodeException e) {
            throw new IllegalStateException("encoded message does not decode: " + e.getMessage(), e);
        }
        if (!again.equals(signal)) {
            throw new IllegalStateException("round trip changed a " + signal.getClass().getSimpleName());
        }
    }
}
