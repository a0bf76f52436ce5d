package com.convene.backend.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Sends and lists in-meeting chat. [#send] stores the message in PostgreSQL, then, in one atomic Redis script,
/// appends it to the stream `chat_stream:{meeting_id}` (MAXLEN ~ `stream-max-len`, EXPIRE `stream-ttl`) and to
/// the recent-history list `chat:{meeting_id}` (LPUSH, LTRIM 0 `history-size`-1, EXPIRE `cache-ttl`; seed 000).
/// Delivery to sockets is [ChatStreamReader]'s job.
///
/// Blocking (JDBC and synchronous Redis): call from a virtual or blocking thread. Thread-safe.
@Singleton
public class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

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
    private final JsonMapper json = JsonMapper.builder().build();

    ChatService(ChatRepository repository, StatefulRedisConnection<String, String> connection, ChatConfig config) {
        this.repository = repository;
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

    /// Stores a message and publishes it to the meeting's stream and history list. Sending the same
    /// `clientMessageId` again stores nothing new and publishes the stored message again.
    ///
    /// @param senderName display name, cut to 200 characters
    /// @return the stored message
    /// @throws ChatException when PostgreSQL or Redis fails; a message stored before a Redis failure is kept and
    ///     a retry publishes it
    public StoredChat send(UUID meetingId, UUID senderParticipantId, UUID senderUserId, String senderName,
                           String clientMessageId, String content) {
        StoredChat fresh = new StoredChat(StoredChat.messageIdFor(meetingId, senderUserId, clientMessageId),
                meetingId, clientMessageId, senderParticipantId, senderUserId,
                senderName.length() > 200 ? senderName.substring(0, 200) : senderName, content,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        StoredChat stored;
        try {
            stored = repository.insertOrGet(fresh);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Chat message not stored meetingId={}", meetingId, e);
            throw new ChatException("The message could not be saved; send it again.", e);
        }
        publish(stored);
        return stored;
    }

    private void publish(StoredChat chat) {
        List<String> args = new ArrayList<>(List.of(
                Integer.toString(config.streamMaxLen()),
                Long.toString(config.streamTtl().toSeconds()),
                historyJson(chat),
                Integer.toString(config.historySize()),
                Long.toString(config.cacheTtl().toSeconds())));
        streamFields(chat).forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        try {
            redis.eval(PUBLISH, ScriptOutputType.VALUE,
                    new String[] {streamKey(chat.meetingId()), historyKey(chat.meetingId())},
                    args.toArray(String[]::new));
        } catch (RedisException e) {
            LOG.warn("Chat message stored but not published meetingId={} messageId={}", chat.meetingId(),
                    chat.messageId(), e);
            throw new ChatException("The message was saved but not delivered; send it again.", e);
        }
    }

    /// The meeting's recent messages from `chat:{meeting_id}`, oldest first; empty when Redis is unreachable.
    public List<StoredChat> history(UUID meetingId) {
        List<String> newestFirst;
        try {
            newestFirst = redis.lrange(historyKey(meetingId), 0, config.historySize() - 1L);
        } catch (RedisException e) {
            LOG.warn("Chat history unavailable meetingId={}: {}", meetingId, e.toString());
            return List.of();
        }
        List<StoredChat> out = new ArrayList<>(newestFirst.size());
        for (String value : newestFirst.reversed()) {
            try {
                out.add(fromHistoryJson(meetingId, value));
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
    private String historyJson(StoredChat chat) {
        try {
            return json.writeValueAsString(streamFields(chat));
        } catch (JsonProcessingException e) {
            throw new ChatException("The message could not be encoded.", e);
        }
    }

    private StoredChat fromHistoryJson(UUID meetingId, String value) throws JsonProcessingException {
        Map<String, String> f = json.readValue(value,
                json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        return fromStreamFields(meetingId, f);
    }
}
