package com.convene.backend.chat;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// This node's publisher of stored chat messages to Redis (docs/decisions/024-chat-postgresql-first-then-stream.md):
/// one platform thread that takes the oldest unpublished rows of `chat_messages` (`FOR UPDATE SKIP LOCKED`, so
/// nodes share the work), runs the publish script for each in `created_at` order and marks them published in the
/// same transaction. PostgreSQL is the queue: a message stored while Redis was down, hung or restarted empty is
/// published once Redis answers again, also after this node restarts (or by another node).
///
/// The script appends to the stream `chat_stream:{meeting_id}` (MAXLEN ~ `stream-max-len`, EXPIRE `stream-ttl`)
/// and to the history list `chat:{meeting_id}` (LPUSH, LTRIM 0 `history-size`-1, EXPIRE `cache-ttl`; seed 000).
/// A failed script stops the batch (order is kept) and is retried after `publish-retry-min`, doubling up to
/// `publish-retry-max`. An entry whose script ran but whose row was not marked (PostgreSQL failed, or the reply
/// timed out while Redis did run it) is published again; [ChatStreamReader] delivers each `message_id` once.
///
/// Woken by [#wake()] after each insert, and every `sweep-interval` regardless, to pick up rows other nodes left.
/// Never runs on a signaling thread. Thread-safe.
@Context
final class ChatPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ChatPublisher.class);
    private static final int BATCH = 200;

    /// KEYS[1] = stream, KEYS[2] = history list; ARGV[1] = max stream length, ARGV[2] = stream TTL s,
    /// ARGV[3] = history JSON, ARGV[4] = history size, ARGV[5] = history TTL s, ARGV[6..] = stream field/values.
    private static final String PUBLISH = """
            local fields = {}
            for i = 6, #ARGV do fields[#fields + 1] = ARGV[i] end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
            redis.call('LPUSH', KEYS[2], ARGV[3])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
            redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))
            return id
            """;

    private final ChatRepository repository;
    private final RedisCommands<String, String> redis;
    private final ChatConfig config;
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private long lastWarnNanos;

    ChatPublisher(ChatRepository repository, StatefulRedisConnection<String, String> connection, ChatConfig config) {
        this.repository = repository;
        this.redis = connection.sync();
        this.config = config;
        this.thread = Thread.ofPlatform().daemon().name("chat-publisher").start(this::loop);
    }

    /// Asks the publisher to look for unpublished rows now (after a commit). Any thread; never blocks.
    void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        long retryMillis = config.publishRetryMin().toMillis();
        boolean more = true;
        while (!closed) {
            try {
                if (!more) {
                    wakeups.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
                PublishRun run = new PublishRun();
                int marked = repository.publishOldest(BATCH, run::publish);
                if (run.failure != null) {
                    throw run.failure;
                }
                more = marked == BATCH;
                retryMillis = config.publishRetryMin().toMillis();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                warn(e);
                more = true;
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                retryMillis = Math.min(retryMillis * 2, config.publishRetryMax().toMillis());
            }
        }
    }

    /// One batch: publishes rows until the first failure, which it keeps for the loop to back off on.
    private final class PublishRun {
        @Nullable RedisException failure;

        boolean publish(StoredChat chat) {
            if (failure != null) {
                return false;
            }
            try {
                runScript(chat);
                return true;
            } catch (RedisException e) {
                failure = e;
                return false;
            }
        }
    }

    private void runScript(StoredChat chat) {
        List<String> args = new ArrayList<>(List.of(
                Integer.toString(config.streamMaxLen()),
                Long.toString(config.streamTtl().toSeconds()),
                ChatService.historyJson(chat),
                Integer.toString(config.historySize()),
                Long.toString(config.cacheTtl().toSeconds())));
        ChatService.streamFields(chat).forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        redis.eval(PUBLISH, ScriptOutputType.VALUE,
                new String[] {ChatService.streamKey(chat.meetingId()), ChatService.historyKey(chat.meetingId())},
                args.toArray(String[]::new));
    }

    private void warn(Exception e) {
        long now = System.nanoTime();
        if (lastWarnNanos == 0 || now - lastWarnNanos > 10_000_000_000L) {
            lastWarnNanos = now;
            LOG.warn("Chat publication paused; stored messages wait in PostgreSQL: {}", e.toString());
        }
    }

    @PreDestroy
    void shutdown() {
        closed = true;
        thread.interrupt();
    }
}
