package com.convene.backend.lifecycle;

import com.convene.backend.meeting.MeetingEndService;
import com.convene.backend.outbox.DeferredWrite;
import com.convene.backend.outbox.PostgresOutbox;
import com.convene.backend.recording.RecordingException;
import com.convene.backend.recording.RecordingService;
import io.lettuce.core.RedisException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The life of the meetings whose live rooms this node holds (docs/decisions/042-meeting-lifecycle-and-reaper.md).
///
/// The signaling layer reports when a room opens ([#roomOpened]) and when its last member is gone
/// ([#roomEmptied]). An emptied room starts the grace timer (`convene.lifecycle.grace`); a join before it fires
/// cancels it and the meeting goes on. When it fires, the meeting is ended at its last leave
/// ([MeetingEndService#endAbandoned]), a recording still running is stopped, and the room's Redis lease is given
/// up. While the node holds a room (live or in its grace period) it keeps the lease `room_lease:{meeting_id}`
/// renewed, so that the reaper of no node repairs it.
///
/// Leaves are handed in with [#recordLeave] and written through the durable PostgreSQL outbox with their real time
/// (docs/decisions/089-postgresql-outbox.md); a meeting's end waits until the outbox has none pending, and an end
/// that fails (PostgreSQL down) is retried every lease tick.
///
/// Thread-safety: the public methods only change memory under this object's lock and hand work to the
/// lifecycle's own thread, so they return at once on a signaling thread. Every store call runs on that thread
/// (`meeting-lifecycle`), which the reaper shares, so lease writes, ends and repairs never interleave.
@Singleton
public final class MeetingLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingLifecycle.class);

  private enum Phase { LIVE, GRACE, ENDING }

  /// A room this node holds. Guarded by the lifecycle's lock.
  private static final class Held {
    /// When this node began holding the room; every participant of this holding joined after it.
    final Instant since = Instant.now();
    Phase phase = Phase.LIVE;
    long generation;
    @Nullable ScheduledFuture<?> timer;
  }

  /// A leave whose write failed.

  private final MeetingEndService ends;
  private final RecordingService recordings;
  private final RoomLeases leases;
  private final LifecycleConfig config;
  private final ExecutorService blocking;
  private final String nodeId;
  private final ScheduledExecutorService thread;
  private final Map<UUID, Held> held = new HashMap<>();
  private final PostgresOutbox outbox;

  MeetingLifecycle(MeetingEndService ends, RecordingService recordings,
      RoomLeases leases, LifecycleConfig config, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
      PostgresOutbox outbox) {
    this.outbox = outbox;
    this.ends = ends;
    this.recordings = recordings;
    this.leases = leases;
    this.config = config;
    this.blocking = blocking;
    this.nodeId = config.nodeId().isBlank() ? defaultNodeId() : config.nodeId();
    this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("meeting-lifecycle")
        .daemon(true).factory());
    long tickMillis = Math.max(1, config.leaseTtl().toMillis() / 3);
    thread.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    LOG.info("Meeting lifecycle started nodeId={} grace={} leaseTtl={}", nodeId, config.grace(), config.leaseTtl());
  }

  /// This node's name in the room leases.
  String nodeId() {
    return nodeId;
  }

  /// The lifecycle's own thread; the reaper runs on it too.
  ScheduledExecutorService thread() {
    return thread;
  }

  /// Whether this node holds the meeting's room now (live, or in its grace period).
  synchronized boolean holds(UUID meetingId) {
    return held.containsKey(meetingId);
  }

  /// When this node began holding the meeting's room, if it holds it: a participant row of the meeting that joined
  /// before it and is still open belongs to an earlier holder (a node that crashed) and is stale.
  synchronized java.util.Optional<Instant> heldSince(UUID meetingId) {
    Held h = held.get(meetingId);
    return h == null ? java.util.Optional.empty() : java.util.Optional.of(h.since);
  }

  /// The meeting's live room opened on this node, or someone joined it: the grace timer, if running, is
  /// cancelled and the room's lease is taken (on the lifecycle thread). Returns at once; idempotent.
  public void roomOpened(UUID meetingId) {
    boolean fresh;
    synchronized (this) {
      Held h = held.get(meetingId);
      fresh = h == null;
      if (fresh) {
        h = new Held();
        held.put(meetingId, h);
      }
      cancelTimer(h);
      h.phase = Phase.LIVE;
      h.generation++;
    }
    if (fresh) {
      thread.execute(() -> renew(meetingId));
    }
  }

  /// The meeting's live room on this node has nobody left in it: the meeting ends when `convene.lifecycle.grace`
  /// passes without a [#roomOpened]. Returns at once.
  public void roomEmptied(UUID meetingId) {
    synchronized (this) {
      Held h = held.computeIfAbsent(meetingId, id -> new Held());
      cancelTimer(h);
      h.phase = Phase.GRACE;
      long generation = ++h.generation;
      h.timer = thread.schedule(() -> graceOver(meetingId, generation), config.grace().toMillis(),
          TimeUnit.MILLISECONDS);
    }
    LOG.info("Live room empty, meeting ends unless someone joins meetingId={} grace={}", meetingId, config.grace());
  }

  /// A participant left `meetingId` at `leftAt`: its `left_at` goes through the durable outbox
  /// (docs/decisions/089-postgresql-outbox.md), so the caller never waits for PostgreSQL and a leave made while
  /// PostgreSQL is down lands, with its own time, when it is back. Returns at once.
  public void recordLeave(UUID meetingId, UUID participantId, Instant leftAt) {
    outbox.submit(new DeferredWrite.ParticipantLeft(participantId, leftAt.truncatedTo(ChronoUnit.MICROS)));
  }

  /// The host ended `meetingId` at `endedAt`: `status = 'ended'` with its end time goes through the durable outbox,
  /// like a leave. Returns at once.
  public void recordEnd(UUID meetingId, Instant endedAt) {
    outbox.submit(new DeferredWrite.MeetingEnded(meetingId, endedAt.truncatedTo(ChronoUnit.MICROS)));
  }

  /// How many outbox writes (leaves, ends) are waiting to land.
  long pendingWrites() {
    return outbox.pending();
  }

  private void graceOver(UUID meetingId, long generation) {
    synchronized (this) {
      Held h = held.get(meetingId);
      if (h == null || h.generation != generation || h.phase != Phase.GRACE) {
        return;
      }
      h.phase = Phase.ENDING;
      h.timer = null;
    }
    end(meetingId, generation);
  }

  /// Ends a meeting whose grace passed; on the lifecycle thread. On failure it stays `ENDING` and the next tick
  /// tries again.
  private void end(UUID meetingId, long generation) {
    if (outbox.pending() > 0) {
      // leaves still on their way to PostgreSQL: end once they landed, so every row keeps its own left_at
      LOG.debug("Meeting end waits for {} outbox writes meetingId={}", outbox.pending(), meetingId);
      return;
    }
    try {
      ends.endAbandoned(meetingId);
    } catch (RuntimeException e) {
      LOG.warn("Meeting end not written, retried at the next tick meetingId={}: {}", meetingId, e.toString());
      return;
    }
    stopRecording(meetingId);
    boolean release;
    synchronized (this) {
      Held h = held.get(meetingId);
      release = h != null && h.generation == generation && h.phase == Phase.ENDING;
      if (release) {
        held.remove(meetingId);
      }
    }
    if (release) {
      try {
        leases.release(meetingId, nodeId);
      } catch (RedisException e) {
        LOG.debug("Lease not released (it expires) meetingId={}: {}", meetingId, e.toString());
      }
    }
  }

  /// The recording normally stops with the room (the SFU closes its tap); one still running is stopped here, on
  /// a blocking thread because stopping waits for its files.
  private void stopRecording(UUID meetingId) {
    if (recordings.runningRecording(meetingId).isEmpty()) {
      return;
    }
    blocking.execute(() -> {
      try {
        recordings.stop(meetingId);
        LOG.info("Recording stopped with its meeting meetingId={}", meetingId);
      } catch (RecordingException e) {
        LOG.warn("Recording not stopped with its meeting meetingId={}: {}", meetingId, e.getMessage());
      }
    });
  }

  /// Every third of the lease TTL: renews the leases of held rooms, writes pending leaves, retries failed ends.
  private void tick() {
    try {
      List<UUID> renew;
      Map<UUID, Long> ending = new HashMap<>();
      synchronized (this) {
        renew = List.copyOf(held.keySet());
        held.forEach((id, h) -> {
          if (h.phase == Phase.ENDING) {
            ending.put(id, h.generation);
          }
        });
      }
      renew.forEach(this::renew);
      ending.forEach(this::end);
    } catch (RuntimeException e) {
      LOG.warn("Lifecycle tick failed: {}", e.toString());
    }
  }

  private void renew(UUID meetingId) {
    synchronized (this) {
      if (!held.containsKey(meetingId)) {
        return;
      }
    }
    try {
      if (!leases.hold(meetingId, nodeId)) {
        LOG.warn("Room lease held by another node while this node holds the room meetingId={}", meetingId);
      }
    } catch (RedisException e) {
      LOG.debug("Room lease not renewed (Redis down) meetingId={}: {}", meetingId, e.toString());
    }
  }

  private static void cancelTimer(Held h) {
    if (h.timer != null) {
      h.timer.cancel(false);
      h.timer = null;
    }
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  @PreDestroy
  void close() {
    thread.shutdownNow();
  }
}
