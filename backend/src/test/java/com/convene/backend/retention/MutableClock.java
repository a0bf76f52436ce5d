package com.convene.backend.retention;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/// A UTC clock a test can move, replacing the backend's [Clock] in contexts started with the `movable-clock`
/// environment.
@Singleton
@Replaces(Clock.class)
@Requires(env = MutableClock.ENV)
public final class MutableClock extends Clock {
    /// Environment name that activates this clock.
    public static final String ENV = "movable-clock";

    private volatile Instant now = Instant.now();

    /// Sets now.
    public void set(Instant instant) {
        now = instant;
    }

    /// Moves now forward by `amount`.
    public void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
