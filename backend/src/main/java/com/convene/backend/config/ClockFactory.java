package com.convene.backend.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/// The backend's one [Clock] (UTC). Jobs that act on age (retention, daily roll-up) take it by injection so tests
/// can move time with a replacement bean instead of waiting years.
@Factory
final class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
