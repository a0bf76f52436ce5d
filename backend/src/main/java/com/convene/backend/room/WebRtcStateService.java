package com.convene.backend.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Presence and WebRTC signaling state in Redis, keys, values and TTLs exactly as seed 000:
///
/// | key | value | expiry |
/// |---|---|---|
/// | `presence:{user_id}` | `{"status","meeting_id","last_seen","device_type"}` | `presence-ttl`, 300 s, refreshed by heartbeats |
/// | `ice_candidates:{connection_id}` | list of `{"candidate","sdpMLineIndex","sdpMid"}`, LPUSH | `signaling-ttl`, 300 s (EXPIRE) |
/// | `sdp_offer:{connection_id}` | `{"type":"offer","sdp":...}` | `signaling-ttl`, 300 s (SET EX) |
/// | `sdp_answer:{connection_id}` | `{"type":"answer","sdp":...}` | `signaling-ttl`, 300 s (SET EX) |
///
/// A `connection_id` here names one peer connection: `<signaling connection id>-publish` or `-subscribe`
/// (docs/decisions/002: two per participant). The SFU is ICE-lite and nothing trickles, so the candidates stored are
/// the `a=candidate` lines of both SDPs of the exchange (RFC 8839 §5.1).
///
/// These keys serve operators and other nodes; calls never depend on them, so every method logs and swallows Redis
/// failures. Blocking (synchronous Lettuce): call from a virtual or blocking thread. Thread-safe.
@Singleton
public class WebRtcStateService {

    private static final Logger LOG = LoggerFactory.getLogger(WebRtcStateService.class);

    private final RedisCommands<String, String> redis;
    private final RoomConfig config;
    private final JsonMapper json = JsonMapper.builder().build();

    WebRtcStateService(StatefulRedisConnection<String, String> connection, RoomConfig config) {
        this.redis = connection.sync();
        this.config = config;
    }

    /// Redis key of a user's presence.
    public static String presenceKey(String userId) {
        return "presence:" + userId;
    }

    /// Redis key of a peer connection's ICE candidates.
    public static String iceCandidatesKey(String connectionId) {
        return "ice_candidates:" + connectionId;
    }

    /// Redis key of a peer connection's SDP offer.
    public static String sdpOfferKey(String connectionId) {
        return "sdp_offer:" + connectionId;
    }

    /// Redis key of a peer connection's SDP answer.
    public static String sdpAnswerKey(String connectionId) {
        return "sdp_answer:" + connectionId;
    }

    /// Writes `presence:{user_id}` with a fresh TTL.
    ///
    /// @param status     `online` or `in_meeting`
    /// @param meetingId  the meeting when `in_meeting`, else `null`
    /// @param deviceType `desktop`, `bot`, `mobile` or `other`
    public void putPresence(String userId, String status, @Nullable UUID meetingId, String deviceType) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", status);
        value.put("meeting_id", meetingId == null ? null : meetingId.toString());
        value.put("last_seen", Instant.now().toString());
        value.put("device_type", deviceType);
        try {
            redis.setex(presenceKey(userId), config.presenceTtl().toSeconds(), write(value));
        } catch (RedisException e) {
            LOG.debug("presence not written userId={}: {}", userId, e.toString());
        }
    }

    /// Deletes `presence:{user_id}` (the user's socket closed).
    public void removePresence(String userId) {
        try {
            redis.del(presenceKey(userId));
        } catch (RedisException e) {
            LOG.debug("presence not removed userId={}: {}", userId, e.toString());
        }
    }

    /// Stores one SDP exchange of a peer connection: `sdp_offer`, `sdp_answer` (SET EX) and the candidates found in
    /// both (LPUSH, then EXPIRE), all with `signaling-ttl`.
    public void putExchange(String connectionId, String offerSdp, String answerSdp) {
        long ttl = config.signalingTtl().toSeconds();
        try {
            redis.setex(sdpOfferKey(connectionId), ttl, write(Map.of("type", "offer", "sdp", offerSdp)));
            redis.setex(sdpAnswerKey(connectionId), ttl, write(Map.of("type", "answer", "sdp", answerSdp)));
            List<String> candidates = new ArrayList<>();
            for (Map<String, Object> c : candidates(offerSdp)) {
                candidates.add(write(c));
            }
            for (Map<String, Object> c : candidates(answerSdp)) {
                candidates.add(write(c));
            }
            if (!candidates.isEmpty()) {
                redis.lpush(iceCandidatesKey(connectionId), candidates.toArray(String[]::new));
                redis.expire(iceCandidatesKey(connectionId), ttl);
            }
        } catch (RedisException e) {
            LOG.debug("SDP exchange not stored connectionId={}: {}", connectionId, e.toString());
        }
    }

    /// The `a=candidate` lines of an SDP with their m-section index and `a=mid` (seed 000's
    /// `{"candidate","sdpMLineIndex","sdpMid"}`; RFC 8839 §5.1, RFC 8843 §9.1).
    static List<Map<String, Object>> candidates(String sdp) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int mLine = -1;
        String mid = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                flush(out, pending, mLine, mid);
                mLine++;
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length());
            } else if (line.startsWith("a=candidate:") && mLine >= 0) {
                pending.add(line.substring(2));
            }
        }
        flush(out, pending, mLine, mid);
        return out;
    }

    private static void flush(List<Map<String, Object>> out, List<String> pending, int mLine, @Nullable String mid) {
        for (String candidate : pending) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("candidate", candidate);
            c.put("sdpMLineIndex", mLine);
            c.put("sdpMid", mid);
            out.add(c);
        }
        pending.clear();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
