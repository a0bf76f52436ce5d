package com.convene.backend.chat;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// This node's reader of the chat streams of its live rooms: one consumer group per backend node
/// (`delivery-<node id>`, seed 004's `websocket_delivery` made per node, because every node must see every message
/// of the rooms it hosts), one blocking `XREADGROUP` over all open streams on a dedicated connection, and `XACK`
/// after the message is handed to the room's [ChatListener].
///
/// A room's group is created at `$` when the room opens here ([#open]): earlier messages reach a joiner through
/// `chat:{meeting_id}`, not the stream. If a stream expired and came back (its group gone: `NOGROUP`), the group
/// is re-created at `0` so nothing written since is missed. Each `message_id` is handed on once per meeting (the
/// last `delivered-ids-per-meeting` ids are remembered): [ChatPublisher] may publish an entry twice.
/// Thread-safe; the reader is one platform thread.
@Singleton
public final class ChatStreamReader {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStreamReader.class);
    private static final String CONSUMER = "reader";

    private final ChatConfig config;
    private final RedisClient client;
    private final RedisCommands<String, String> commands;
    private final String group = "delivery-" + UUID.randomUUID();
    private final Map<UUID, ChatListener> listeners = new ConcurrentHashMap<>();
    private final Map<UUID, DeliveredIds> deliveredIds = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile @Nullable StatefulRedisConnection<String, String> readConnection;
    private volatile boolean closed;
    private volatile long lastWarnNanos;
    private final Thread reader;

    ChatStreamReader(ChatConfig config, RedisClient client, StatefulRedisConnection<String, String> shared) {
        this.config = config;
        this.client = client;
        this.commands = shared.sync();
        this.reader = Thread.ofPlatform().daemon().name("chat-stream-reader").start(this::readLoop);
    }

    /// Starts delivering `meetingId`'s new chat messages to `listener` (idempotent per meeting: the first listener
    /// stays). Blocking Redis call.
    public void open(UUID meetingId, ChatListener listener) {
        if (listeners.putIfAbsent(meetingId, listener) != null) {
            return;
        }
        deliveredIds.put(meetingId, new DeliveredIds(config.deliveredIdsPerMeeting()));
        try {
            createGroup(meetingId, "$");
        } catch (RedisException e) {
            LOG.warn("Chat stream group not created meetingId={}: {}", meetingId, e.toString());
        }
    }

    /// Stops delivering `meetingId`'s messages and removes this node's group. Blocking Redis call; never throws.
    public void close(UUID meetingId) {
        if (listeners.remove(meetingId) == null) {
            return;
        }
        deliveredIds.remove(meetingId);
        try {
            commands.xgroupDestroy(ChatService.streamKey(meetingId), group);
        } catch (RedisException e) {
            LOG.debug("Chat stream group not destroyed meetingId={}: {}", meetingId, e.toString());
        }
    }

    /// Messages handed to listeners since start.
    public long delivered() {
        return delivered.get();
    }

    /// Stream entries skipped since start because their `message_id` had been delivered already.
    public long duplicates() {
        return duplicates.get();
    }

    private void createGroup(UUID meetingId, String from) {
        String key = ChatService.streamKey(meetingId);
        try {
            commands.xgroupCreate(XReadArgs.StreamOffset.from(key, from), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            return; // BUSYGROUP: exists already
        }
        commands.expire(key, config.streamTtl().toSeconds());
    }

    private void readLoop() {
        while (!closed) {
            try {
                if (listeners.isEmpty()) {
                    Thread.sleep(config.readBlock().toMillis());
                    continue;
                }
                readOnce();
            } catch (InterruptedException e) {
                return;
            } catch (RedisException e) {
                if (closed) {
                    return;
                }
                if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                    listeners.keySet().forEach(id -> {
                        try {
                            createGroup(id, "0");
                        } catch (RedisException again) {
                            LOG.debug("Chat stream group not re-created meetingId={}", id);
                        }
                    });
                    continue;
                }
                warn(e);
                pause();
            } catch (RuntimeException e) {
                warn(e);
                pause();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readOnce() {
        StatefulRedisConnection<String, String> connection = readConnection;
        if (connection == null || !connection.isOpen()) {
            connection = client.connect();
            readConnection = connection;
        }
        List<UUID> meetings = List.copyOf(listeners.keySet());
        XReadArgs.StreamOffset<String>[] offsets = meetings.stream()
                .map(id -> XReadArgs.StreamOffset.lastConsumed(ChatService.streamKey(id)))
                .toArray(XReadArgs.StreamOffset[]::new);
        List<StreamMessage<String, String>> messages = connection.sync().xreadgroup(
                Consumer.from(group, CONSUMER),
                XReadArgs.Builder.block(config.readBlock()).count(100), offsets);
        for (StreamMessage<String, String> m : messages) {
            UUID meetingId = UUID.fromString(m.getStream().substring("chat_stream:".length()));
            ChatListener listener = listeners.get(meetingId);
            DeliveredIds seen = deliveredIds.get(meetingId);
            if (listener != null && seen != null) {
                try {
                    StoredChat chat = ChatService.fromStreamFields(meetingId, m.getBody());
                    if (!seen.firstTime(chat.messageId())) {
                        duplicates.incrementAndGet();
                    } else {
                        listener.onChat(chat);
                        delivered.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Chat message not delivered meetingId={} entry={}", meetingId, m.getId(), e);
                }
            }
            connection.sync().xack(m.getStream(), group, m.getId());
        }
    }

    private void warn(Exception e) {
        long now = System.nanoTime();
        if (now - lastWarnNanos > 10_000_000_000L) {
            lastWarnNanos = now;
            LOG.warn("Chat stream read failed; retrying: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.max(200, config.readBlock().toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void shutdown() {
        closed = true;
        reader.interrupt();
        StatefulRedisConnection<String, String> connection = readConnection;
        if (connection != null) {
            connection.close();
        }
    }
}
