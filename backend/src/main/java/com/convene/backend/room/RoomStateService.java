package com.convene.backend.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Live room and session state in Redis, keys and TTLs as in seed 000:
///
/// | key | value | expiry |
/// |---|---|---|
/// | `meeting_room:{meeting_id}` | [RoomState] JSON | `convene.room.room-ttl`, 14,400 s, refreshed on each write |
/// | `session:{session_id}` | [SessionState] JSON | `convene.room.session-ttl`, 7,200 s, refreshed on each write |
///
/// Room updates read the JSON, change it in Java and write it back only if nobody changed it meanwhile (a Lua
/// compare-and-set, atomic in Redis), retrying up to `convene.room.max-cas-attempts` times.
///
/// Blocking (Lettuce synchronous API on the shared connection): call from a blocking executor or virtual thread,
/// never a Netty event loop. Thread-safe.
@Singleton
public class RoomStateService {

    private static final Logger LOG = LoggerFactory.getLogger(RoomStateService.class);

    /// KEYS[1] = key, ARGV[1] = expected current value ('' for absent), ARGV[2] = new value, ARGV[3] = TTL in s.
    private static final String COMPARE_AND_SET = """
            local current = redis.call('GET', KEYS[1])
            if (current == false and ARGV[1] == '') or current == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
              return 1
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final RoomConfig config;
    private final JsonMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    RoomStateService(StatefulRedisConnection<String, String> connection, RoomConfig config) {
        this.redis = connection.sync();
        this.config = config;
    }

    /// Redis key of a meeting's room state.
    public static String roomKey(UUID meetingId) {
        return "meeting_room:" + meetingId;
    }

    /// Redis key of a session's state.
    public static String sessionKey(UUID sessionId) {
        return "session:" + sessionId;
    }

    /// Creates the room state if absent (an existing room is left untouched and returned).
    ///
    /// @param chatEnabled the meeting's `allow_chat`
    /// @param recording   whether recording starts with the room (`auto_record`)
    public RoomState openRoom(UUID meetingId, boolean chatEnabled, boolean recording) {
        RoomState fresh = RoomState.empty(chatEnabled, recording);
        try {
            String set = redis.set(roomKey(meetingId), write(fresh),
                    SetArgs.Builder.nx().ex(config.roomTtl().toSeconds()));
            return "OK".equals(set) ? fresh : findRoom(meetingId).orElse(fresh);
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// Adds a participant to the room's active list (and removes it from the waiting room); creates the room with
    /// chat on if absent. Idempotent.
    ///
    /// @param participantKey user id, or participant id for a guest
    public RoomState addParticipant(UUID meetingId, String participantKey) {
        return update(meetingId, room -> room.withParticipant(participantKey));
    }

    /// Removes a participant from active list, waiting room and breakout rooms, and stops their screen share.
    public RoomState removeParticipant(UUID meetingId, String participantKey) {
        return update(meetingId, room -> room.withoutParticipant(participantKey));
    }

    /// Puts a participant into the waiting room unless already admitted.
    public RoomState addToWaitingRoom(UUID meetingId, String participantKey) {
        return update(meetingId, room -> room.withWaiting(participantKey));
    }

    /// Takes a participant out of the waiting room (admitted, denied or gone); the active list is untouched.
    public RoomState removeFromWaitingRoom(UUID meetingId, String participantKey) {
        return update(meetingId, room -> room.withoutWaiting(participantKey));
    }

    /// Sets who shares a screen; `null` stops sharing. At most one sharer per room.
    public RoomState setScreenSharingUser(UUID meetingId, @Nullable String participantKey) {
        return update(meetingId, room -> room.withScreenSharingUser(participantKey));
    }

    /// Sets the recording flag.
    public RoomState setRecording(UUID meetingId, boolean recording) {
        return update(meetingId, room -> room.withRecording(recording));
    }

    /// The room state, or empty when the meeting has no live room (never opened or expired).
    public Optional<RoomState> findRoom(UUID meetingId) {
        try {
            String value = redis.get(roomKey(meetingId));
            return value == null ? Optional.empty() : Optional.of(read(value, RoomState.class));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// Deletes the room state, e.g. when the meeting ends.
    public void closeRoom(UUID meetingId) {
        try {
            redis.del(roomKey(meetingId));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// Writes a session's state with a fresh TTL.
    ///
    /// @param sessionId the participant id returned by `ParticipantService.recordJoin`
    public void putSession(UUID sessionId, SessionState session) {
        try {
            redis.setex(sessionKey(sessionId), config.sessionTtl().toSeconds(), write(session));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// A session's state, or empty when unknown or expired.
    public Optional<SessionState> findSession(UUID sessionId) {
        try {
            String value = redis.get(sessionKey(sessionId));
            return value == null ? Optional.empty() : Optional.of(read(value, SessionState.class));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// Extends a session's TTL without changing it (heartbeat).
    ///
    /// @return whether the session still existed
    public boolean touchSession(UUID sessionId) {
        try {
            return redis.expire(sessionKey(sessionId), config.sessionTtl().toSeconds());
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /// Deletes a session's state, e.g. on leave.
    public void removeSession(UUID sessionId) {
        try {
            redis.del(sessionKey(sessionId));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private RoomState update(UUID meetingId, UnaryOperator<RoomState> change) {
        String key = roomKey(meetingId);
        String ttl = Long.toString(config.roomTtl().toSeconds());
        try {
            for (int attempt = 1; attempt <= config.maxCasAttempts(); attempt++) {
                String current = redis.get(key);
                RoomState before = current == null ? RoomState.empty(true, false) : read(current, RoomState.class);
                RoomState after = change.apply(before);
                String next = write(after);
                Long swapped = redis.eval(COMPARE_AND_SET, ScriptOutputType.INTEGER, new String[] {key},
                        current == null ? "" : current, next, ttl);
                if (swapped != null && swapped == 1L) {
                    return after;
                }
                LOG.debug("Room update raced, retrying: meetingId={} attempt={}", meetingId, attempt);
                backOff(attempt);
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
        throw new RoomStateException("The room is too busy right now; try again.", null);
    }

    /// Waits a random 0–2^min(attempt, 6) ms before retrying a lost compare-and-set, so that many writers
    /// racing on one room spread out instead of colliding again in lock step. Callers run on blocking threads.
    private static void backOff(int attempt) {
        long maxMillis = 1L << Math.min(attempt, 6);
        java.util.concurrent.locks.LockSupport.parkNanos(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(maxMillis * 1_000_000L + 1));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new RoomStateException("Room state could not be written.", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new RoomStateException("Room state could not be read.", e);
        }
    }

    private static RoomStateException unavailable(RedisException e) {
        return new RoomStateException("Live room state is unavailable; try again later.", e);
    }
}
