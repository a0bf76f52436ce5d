package com.convene.backend.ops;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/// Makes Redis commands fail at once while the connection is down instead of queueing until the command timeout
/// (`redis.timeout`): Lettuce's default buffers them for the reconnect, which would make every presence write,
/// heartbeat and room-state update of a running call wait the full timeout on its signaling thread. With
/// [ClientOptions.DisconnectedBehavior#REJECT_COMMANDS] callers get a `RedisException` immediately and degrade
/// (docs/decisions/061-redis-outage.md); auto-reconnect stays on, so commands work again as soon as Redis is back.
/// A connected but hung Redis is handled by deadlines and a breaker ([RedisConnectionGuard]); the request queue is
/// bounded ([RedisDeadlineConfig#requestQueue]) so commands never pile up behind it without limit
/// (docs/decisions/088-store-deadlines.md).
@Singleton
final class RedisClientOptions implements BeanCreatedEventListener<RedisClient> {

    private final RedisDeadlineConfig deadlines;

    RedisClientOptions(RedisDeadlineConfig deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(client.getOptions().mutate()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(deadlines.requestQueue())
                .build());
        return client;
    }
}
