package com.convene.backend.lifecycle;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Leases on live rooms in Redis: `room_lease:{meeting_id}` holds the id of the node that holds the meeting's
/// live room, with a TTL of `convene.lifecycle.lease-ttl` that the holder renews (Redis `SET` with `PX`, and Lua
/// scripts that change the key only while it names this node, so two nodes never take one lease).
///
/// Every method may throw `io.lettuce.core.RedisException` when Redis is down (commands are rejected at once,
/// docs/decisions/061-redis-outage.md); callers decide what that means.
///
/// Blocking (Lettuce synchronous API): called only from the lifecycle's own thread, never a signaling thread.
@Singleton
final class RoomLeases {
  /// KEYS[1] lease key, ARGV[1] node id, ARGV[2] TTL in ms: takes a free lease or renews our own.
  private static final String HOLD = """
      local holder = redis.call('GET', KEYS[1])
      if holder == false or holder == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
        return 1
      end
      return 0
      """;

  /// KEYS[1] lease key, ARGV[1] node id: deletes the lease only while it is ours.
  private static final String RELEASE = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final RedisCommands<String, String> redis;
  private final LifecycleConfig config;

  RoomLeases(StatefulRedisConnection<String, String> connection, LifecycleConfig config) {
    this.redis = connection.sync();
    this.config = config;
  }

  /// Redis key of a meeting's room lease.
  static String leaseKey(UUID meetingId) {
    return "room_lease:" + meetingId;
  }

  /// Takes or renews the lease for `nodeId`, for `lease-ttl`.
  ///
  /// @return false when another node holds it
  boolean hold(UUID meetingId, String nodeId) {
    Long done = redis.eval(HOLD, ScriptOutputType.INTEGER, new String[] {leaseKey(meetingId)}, nodeId,
        Long.toString(config.leaseTtl().toMillis()));
    return done != null && done == 1L;
  }

  /// Gives the lease up if `nodeId` holds it.
  void release(UUID meetingId, String nodeId) {
    redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {leaseKey(meetingId)}, nodeId);
  }

  /// The node holding the lease, or empty when none does (never taken, released, or expired).
  Optional<String> holder(UUID meetingId) {
    return Optional.ofNullable(redis.get(leaseKey(meetingId)));
  }

  /// The ids in keys `prefix{uuid}` (e.g. `session:`), by SCAN in batches of 500; keys whose tail is not a UUID
  /// are skipped.
  List<UUID> scanIds(String prefix) {
    List<UUID> ids = new ArrayList<>();
    ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(500);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, args);
      for (String key : page.getKeys()) {
        try {
          ids.add(UUID.fromString(key.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
          // not one of ours
        }
      }
      cursor = page;
    } while (!cursor.isFinished());
    return ids;
  }
}
