package com.convene.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/// The logger given to jitsi-srtp makes no child loggers: jitsi-utils' own kept a reference per crypto context
/// (docs/fuzzing.md, the RTP run that ran out of heap).
class JitsiLoggerTest {
    @Test
    void childLoggersAreTheSameInstance() {
        assertThat(JitsiLogger.INSTANCE.createChildLogger("ctx", Map.of("ssrc", "1"))).isSameAs(JitsiLogger.INSTANCE);
        assertThat(JitsiLogger.INSTANCE.createChildLogger("ctx")).isSameAs(JitsiLogger.INSTANCE);
    }
}
