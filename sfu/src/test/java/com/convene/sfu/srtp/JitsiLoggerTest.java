package com.convene.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/// The logger given to jitsi-srtp: it makes no child loggers (jitsi-utils' own kept a reference per crypto context,
/// docs/fuzzing.md), and jitsi's per-packet "errors" (a replayed packet) reach our log at DEBUG only.
class JitsiLoggerTest {
    @Test
    void childLoggersAreTheSameInstance() {
        assertThat(JitsiLogger.INSTANCE.createChildLogger("ctx", Map.of("ssrc", "1"))).isSameAs(JitsiLogger.INSTANCE);
        assertThat(JitsiLogger.INSTANCE.createChildLogger("ctx")).isSameAs(JitsiLogger.INSTANCE);
    }

    @Test
    void jitsiErrorsAboutPacketsAreLoggedAtDebugOnly() {
        Logger logger = (Logger) LoggerFactory.getLogger(SrtpSession.class);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
        try {
            JitsiLogger.INSTANCE.error("Discarding RTP packet with sequence number 1: received already!");
            JitsiLogger.INSTANCE.warn(() -> "replayed");
        } finally {
            logger.detachAppender(log);
            logger.setLevel(before);
        }
        assertThat(log.list).hasSize(2).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
    }
}
