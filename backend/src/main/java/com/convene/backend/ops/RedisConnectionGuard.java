package com.convene.backend.ops;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/// Puts deadlines on the shared Redis connection (docs/decisions/088-store-deadlines.md): its synchronous commands
/// wait at most [RedisDeadlineConfig#commandTimeout] (300 ms by default, instead of `redis.timeout`'s 5 s) and go
/// through [RedisBreaker], so a hung Redis costs a signaling thread one deadline, then nothing while the breaker is
/// open. Every service that takes the `StatefulRedisConnection` bean and calls `sync()` gets the guarded commands
/// without code of its own; `async()` and `reactive()` are left as they are (the health checks use them as probes
/// with their own deadlines). Pub/sub connections are not touched.
@Singleton
final class RedisConnectionGuard implements BeanCreatedEventListener<StatefulRedisConnection<String, String>> {

    /// `RedisCommands` methods that are not commands to Redis: called straight through.
    private static final Set<String> LOCAL_METHODS =
            Set.of("getStatefulConnection", "setTimeout", "isOpen", "setAutoFlushCommands", "flushCommands");

    private final RedisDeadlineConfig config;
    private final RedisBreaker breaker;

    RedisConnectionGuard(RedisDeadlineConfig config, RedisBreaker breaker) {
        this.config = config;
        this.breaker = breaker;
    }

    @Override
    public StatefulRedisConnection<String, String> onCreated(
            BeanCreatedEvent<StatefulRedisConnection<String, String>> event) {
        StatefulRedisConnection<String, String> connection = event.getBean();
        if (connection instanceof StatefulRedisPubSubConnection<?, ?> || Proxy.isProxyClass(connection.getClass())) {
            return connection;
        }
        connection.setTimeout(config.commandTimeout());
        return guard(connection, breaker);
    }

    /// A view of `connection` whose `sync()` commands run through `breaker`; everything else is the connection's.
    @SuppressWarnings("unchecked")
    static StatefulRedisConnection<String, String> guard(StatefulRedisConnection<String, String> connection,
                                                         RedisBreaker breaker) {
        ClassLoader loader = StatefulRedisConnection.class.getClassLoader();
        StatefulRedisConnection<String, String>[] self = new StatefulRedisConnection[1];
        RedisCommands<String, String> commands = (RedisCommands<String, String>) Proxy.newProxyInstance(loader,
                new Class<?>[] {RedisCommands.class}, new GuardedCommands(connection.sync(), breaker, self));
        self[0] = (StatefulRedisConnection<String, String>) Proxy.newProxyInstance(loader,
                new Class<?>[] {StatefulRedisConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sync") && method.getParameterCount() == 0) {
                        return commands;
                    }
                    return invoke(connection, method, args);
                });
        return self[0];
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /// Sends every Redis command of `delegate` through the breaker.
    private record GuardedCommands(RedisCommands<String, String> delegate, RedisBreaker breaker,
                                   StatefulRedisConnection<String, String>[] connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "guarded " + delegate;
                    default -> RedisConnectionGuard.invoke(delegate, method, args);
                };
            }
            if (method.getName().equals("getStatefulConnection")) {
                return connection[0];
            }
            if (LOCAL_METHODS.contains(method.getName())) {
                return RedisConnectionGuard.invoke(delegate, method, args);
            }
            return breaker.call(() -> {
                try {
                    return method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
