package com.convene.sfu.srtp;

import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jitsi.utils.logging2.Logger;
import org.slf4j.LoggerFactory;

/// The logger jitsi-srtp gets: its messages go to SLF4J (logger `com.convene.sfu.srtp.SrtpSession`) at DEBUG
/// whatever their jitsi level, and [#createChildLogger] returns this same instance.
///
/// DEBUG because jitsi-srtp reports every replayed or stale packet as an error, one line per packet: an attacker
/// could fill the log. [SrtpSession] turns each of those failures into a [com.convene.sfu.DropReason] that is counted
/// (STYLE.md §7: drops are counted, and warnings about them rate-limited).
///
/// Why: jitsi-utils' `LoggerImpl` makes a child logger with a child `LogContext` for every crypto context, and each
/// child stays referenced (weakly, but the references themselves pile up) from its parent, about 135 bytes per pair of
/// SRTP sessions even after `close()`. A 10-minute fuzz run ran out of heap from it (docs/fuzzing.md); on a node it
/// grew with every participant join. Log levels and contexts are set through SLF4J's configuration instead, so the
/// level and context methods do nothing. Stateless and thread-safe.
final class JitsiLogger implements Logger {
    static final JitsiLogger INSTANCE = new JitsiLogger();

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SrtpSession.class);

    private JitsiLogger() {
    }

    @Override
    public Logger createChildLogger(String name, Map<String, String> context) {
        return this;
    }

    @Override
    public Logger createChildLogger(String name) {
        return this;
    }

    @Override
    public void setUseParentHandlers(boolean useParentHandlers) {
    }

    @Override
    public void addHandler(Handler handler) {
    }

    @Override
    public void removeHandler(Handler handler) {
    }

    @Override
    public boolean isTraceEnabled() {
        return LOG.isTraceEnabled();
    }

    @Override
    public void trace(Object message) {
        LOG.trace("{}", message);
    }

    @Override
    public void trace(Supplier<String> message) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(message.get());
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void debug(Object message) {
        LOG.debug("{}", message);
    }

    @Override
    public void debug(Supplier<String> message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(message.get());
        }
    }

    @Override
    public boolean isInfoEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void info(Object message) {
        LOG.debug("{}", message);
    }

    @Override
    public void info(Supplier<String> message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(message.get());
        }
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void warn(Object message) {
        LOG.debug("{}", message);
    }

    @Override
    public void warn(Supplier<String> message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(message.get());
        }
    }

    @Override
    public void warn(Object message, Throwable cause) {
        LOG.debug(String.valueOf(message), cause);
    }

    @Override
    public void error(Object message) {
        LOG.debug("{}", message);
    }

    @Override
    public void error(Supplier<String> message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(message.get());
        }
    }

    @Override
    public void error(Object message, Throwable cause) {
        LOG.debug(String.valueOf(message), cause);
    }

    @Override
    public void setLevelError() {
    }

    @Override
    public void setLevelWarn() {
    }

    @Override
    public void setLevelInfo() {
    }

    @Override
    public void setLevelDebug() {
    }

    @Override
    public void setLevelTrace() {
    }

    @Override
    public void setLevelAll() {
    }

    @Override
    public void setLevelOff() {
    }

    @Override
    public void setLevel(Level level) {
    }

    @Override
    public Level getLevel() {
        return LOG.isDebugEnabled() ? Level.FINE : Level.OFF;
    }

    @Override
    public void addContext(Map<String, String> context) {
    }

    @Override
    public void addContext(String key, String value) {
    }
}
