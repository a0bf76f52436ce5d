package com.convene.backend.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Sends and lists in-meeting chat (docs/decisions/024-chat-postgresql-first-then-stream.md). [#send] stores the
/// message in PostgreSQL as unpublished, off the caller's thread and within `store-deadline`, and completes with
/// the stored row: that is the sender's acknowledgement. [ChatPublisher] then appends it to the meeting's Redis
/// stream and history list, now or once Redis answers again; delivery to sockets is [ChatStreamReader]'s job.
///
/// Storing is [ChatStore]'s job: one sender's messages in order, batched, within the deadline.
/// Thread-safe; [#send] never blocks, [#history] blocks on Redis.
@Singleton
public class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatStore store;
    private final RedisCommands<String, String> redis;
    private final ChatConfig config;
    private final AtomicLong lastCreatedMicros = new AtomicLong();

    ChatService(ChatStore store, StatefulRedisConnection<String, String> connection, ChatConfig config) {
        this.store = store;
        this.redis = connection.sync();
        this.config = config;
    }

    /// Redis key of a meeting's chat stream.
    public static String streamKey(UUID meetingId) {
        return "chat_stream:" + meetingId;
    }

    /// Redis key of a meeting's recent-history list (seed 000).
    public static String historyKey(UUID meetingId) {
        return "chat:" + meetingId;
    }

    /// Stores a message; returns at once. Sending the same `clientMessageId` again stores nothing new and
    /// completes with the stored message (published once, whatever the number of sends).
    ///
    /// @param senderName display name, cut to 200 characters
    /// @return completes with the stored message (committed in PostgreSQL, to be published), or exceptionally
    ///     with [ChatException] (`SERVICE_UNAVAILABLE`) when PostgreSQL failed or did not commit within
    ///     `store-deadline` (1.5 s by default) of this call; then nothing was stored and the sender may send
    ///     again. Completes on a chat store thread or the deadline timer: hand work off.
    public CompletableFuture<StoredChat> send(UUID meetingId, UUID senderParticipantId, UUID senderUserId,
                                              String senderName, String clientMessageId, String content) {
        return store.store(new StoredChat(StoredChat.messageIdFor(meetingId, senderUserId, clientMessageId),
                meetingId, clientMessageId, senderParticipantId, senderUserId,
                senderName.length() > 200 ? senderName.substring(0, 200) : senderName, content, nextCreatedAt()));
    }

    /// Now in microseconds, strictly after the previous call's value: messages are published in `created_at`
    /// order, and two sends in the same microsecond must not tie.
    private Instant nextCreatedAt() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = lastCreatedMicros.accumulateAndGet(now, (last, n) -> Math.max(last + 1, n));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /// The meeting's recent messages from `chat:{meeting_id}`, oldest first, each `message_id` once (a message
    /// published twice appears once); empty when Redis is unreachable. Blocking Redis call.
    public List<StoredChat> history(UUID meetingId) {
        List<String> newestFirst;
        try {
            newestFirst = redis.lrange(historyKey(meetingId), 0, config.historySize() - 1L);
        } catch (RedisException e) {
            LOG.warn("Chat history unavailable meetingId={}: {}", meetingId, e.toString());
            return List.of();
        }
        List<StoredChat> out = new ArrayList<>(newestFirst.size());
        Set<UUID> seen = new HashSet<>();
        for (String value : newestFirst.reversed()) {
            try {
                StoredChat chat = fromHistoryJson(meetingId, value);
                if (seen.add(chat.messageId())) {
                    out.add(chat);
                }
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.warn("Unreadable chat history entry skipped meetingId={}", meetingId);
            }
        }
        return out;
    }

    /// The stream entry's fields (flat, as seed 004's comment stream).
    static Map<String, String> streamFields(StoredChat chat) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("message_id", chat.messageId().toString());
        f.put("client_message_id", chat.clientMessageId());
        f.put("sender_participant_id", chat.senderParticipantId().toString());
        f.put("sender_id", chat.senderUserId().toString());
        f.put("sender_name", chat.senderName());
        f.put("content", chat.content());
        f.put("timestamp", chat.createdAt().toString());
        f.put("type", "text");
        return f;
    }

    /// Reads a stream entry's fields back.
    static StoredChat fromStreamFields(UUID meetingId, Map<String, String> f) {
        return new StoredChat(UUID.fromString(f.get("message_id")), meetingId, f.get("client_message_id"),
                UUID.fromString(f.get("sender_participant_id")), UUID.fromString(f.get("sender_id")),
                f.get("sender_name"), f.get("content"), Instant.parse(f.get("timestamp")));
    }

    /// The `chat:{meeting_id}` value: seed 000's fields plus the client and participant ids.
    static String historyJson(StoredChat chat) {
        try {
            return JSON.writeValueAsString(streamFields(chat));
        } catch (JsonProcessingException e) {
            throw new ChatException("The message could not be encoded.", e);
        }
    }

    private StoredChat fromHistoryJson(UUID meetingId, String value) throws JsonProcessingException {
        Map<String, String> f = JSON.readValue(value,
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        return fromStreamFields(meetingId, f);
    }
}
