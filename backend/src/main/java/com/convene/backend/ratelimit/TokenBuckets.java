package com.convene.backend.ratelimit;

import com.convene.backend.ops.RedisBreaker;
import com.convene.backend.ops.RedisDeadlineConfig;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Token buckets in Redis, shared by every backend node (docs/decisions/093-rate-limits.md; seed 004's
/// `rate_limit` moderation rule). One Lua script per check refills the bucket `rate:{action}:{scope}` (a hash
/// of `tokens` and `stamp`, the server's `TIME` in ms) by one token per interval up to the capacity, then takes
/// the cost or answers how long until it could; the key expires once the bucket would be full again.
///
/// Never blocks and never fails: [#take] uses Lettuce's asynchronous API and completes within the shared
/// connection's command deadline (`convene.redis.command-timeout`, 300 ms). When the Redis breaker is open,
/// the script fails or the deadline passes, the node-local [LocalTokenBuckets] answers instead (fail to local:
/// every action stays limited, per node, during a Redis outage; the verdict says so). Thread-safe.
@Singleton
public final class TokenBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(TokenBuckets.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /// KEYS[1] = bucket; ARGV[1] = capacity (tokens), ARGV[2] = interval per token (ms), ARGV[3] = cost (a
    /// negative cost refunds). Returns {1, 0} when taken, {0, ms until enough tokens} when not.
    static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local interval = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'stamp')
            local tokens = tonumber(b[1])
            local stamp = tonumber(b[2])
            if tokens == nil or stamp == nil then
              tokens = capacity
              stamp = now
            end
            if now > stamp then
              tokens = math.min(capacity, tokens + (now - stamp) / interval)
              stamp = now
            end
            local allowed = 0
            local wait = 0
            if cost <= 0 or tokens >= cost then
              tokens = math.min(capacity, tokens - cost)
              allowed = 1
            else
              wait = math.ceil((cost - tokens) * interval)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'stamp', tostring(stamp))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * interval) + 1000)
            return {allowed, wait}
            """;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisBreaker breaker;
    private final RateLimitConfig config;
    private final long deadlineMillis;
    private final LocalTokenBuckets local = new LocalTokenBuckets();
    private final AtomicLong lastWarnNanos = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    TokenBuckets(StatefulRedisConnection<String, String> connection, RedisBreaker breaker, RateLimitConfig config,
                 RedisDeadlineConfig deadlines) {
        this.redis = connection.async();
        this.breaker = breaker;
        this.config = config;
        this.deadlineMillis = deadlines.commandTimeout().toMillis();
    }

    /// Takes one token of `action`'s bucket for `scope` (e.g. `meetingId:userId`).
    ///
    /// @return completes within the Redis command deadline (300 ms by default), never exceptionally, on a Lettuce
    ///     or timer thread: hand work back to the caller's own thread
    public CompletableFuture<RateVerdict> take(RateLimitedAction action, String scope) {
        return run(action, scope, 1);
    }

    /// Gives one token back (a request that should not have counted, e.g. a right meeting password); fire and
    /// forget, same deadline and fallback as [#take].
    public CompletableFuture<RateVerdict> refund(RateLimitedAction action, String scope) {
        return run(action, scope, -1);
    }

    private CompletableFuture<RateVerdict> run(RateLimitedAction action, String scope, int cost) {
        String key = action.redisKey(scope);
        RateLimitConfig.BucketSpec spec = config.spec(action);
        if (breaker.open()) {
            return CompletableFuture.completedFuture(local.take(key, spec, cost, System.currentTimeMillis()));
        }
        CompletableFuture<List<Object>> reply;
        try {
            reply = redis.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, new String[] {key},
                    Integer.toString(spec.capacity()), Long.toString(spec.intervalMillis()), Integer.toString(cost))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(fallback(key, spec, cost, e));
        }
        return reply.orTimeout(deadlineMillis, TimeUnit.MILLISECONDS).handle((r, error) -> {
            if (error != null || r == null || r.size() != 2) {
                return fallback(key, spec, cost, error);
            }
            long allowed = (Long) r.get(0);
            long wait = (Long) r.get(1);
            return allowed == 1 ? RateVerdict.allow(false) : RateVerdict.refuse(wait, false);
        });
    }

    private RateVerdict fallback(String key, RateLimitConfig.BucketSpec spec, int cost, Throwable error) {
        long now = System.nanoTime();
        long last = lastWarnNanos.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarnNanos.compareAndSet(last, now)) {
            LOG.warn("Rate limits held per node: Redis did not answer the bucket check: {}", String.valueOf(error));
        }
        return local.take(key, spec, cost, System.currentTimeMillis());
    }
}
