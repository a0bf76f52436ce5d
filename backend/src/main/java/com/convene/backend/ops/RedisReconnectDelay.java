package com.convene.backend.ops;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/// Reconnects to Redis after an outage within about 2 s of its return: exponential backoff from 100 ms capped at
/// 2 s, instead of Lettuce's default cap of 30 s, so presence, room state and chat delivery recover promptly
/// (docs/decisions/061-redis-outage.md). One reconnect attempt per connection every 2 s is no load on Redis.
@Singleton
final class RedisReconnectDelay implements ClientResourcesMutator {

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration config) {
        builder.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
                TimeUnit.MILLISECONDS));
    }
}
