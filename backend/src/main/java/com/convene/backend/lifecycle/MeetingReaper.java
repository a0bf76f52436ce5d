package com.convene.backend.lifecycle;

import com.convene.backend.meeting.MeetingEndService;
import com.convene.backend.meeting.Participant;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.room.RoomStateException;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import io.lettuce.core.RedisException;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Repairs what a crash or an outage left behind (docs/decisions/042-meeting-lifecycle-and-reaper.md), once at
/// start-up and then every `convene.lifecycle.reaper-interval`, on the lifecycle thread.
///
/// A meeting is *unowned* when this node does not hold its room and no other node holds its Redis lease
/// `room_lease:{meeting_id}` (a lease naming this node's id but not held by this process was left by this node's
/// previous run). For unowned meetings only, a run:
/// 1. closes participant rows without `left_at` that joined more than one lease TTL ago (a younger row may belong
///    to a join whose lease is still being taken), at the time of the run, and deletes their `session:{id}` keys;
/// 2. ends `live` meetings with nobody in them whose last start, join or leave is older than the grace period, at
///    that last moment (so a crashed node's participants, closed in step 1, get the grace to rejoin);
/// 3. deletes `session:{id}` keys whose row is closed or gone, `meeting_room:{id}` keys of meetings no longer live,
///    and this node's old leases.
///
/// For a meeting this node holds, a row still open that joined before this node began holding the room (a crashed
/// node's participant whose meeting went on here after a restart) is closed the same way.
///
/// Without Redis the run repairs nothing: it cannot see other nodes' leases, and closing rows or ending a meeting
/// that another node still serves would refuse its rejoins; the next run after Redis returns catches up.
@Singleton
final class MeetingReaper implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingReaper.class);

  private final MeetingLifecycle lifecycle;
  private final MeetingEndService ends;
  private final ParticipantService participants;
  private final RoomStateService roomState;
  private final RoomLeases leases;
  private final LifecycleConfig config;
  private final Clock clock;

  MeetingReaper(MeetingLifecycle lifecycle, MeetingEndService ends, ParticipantService participants,
      RoomStateService roomState, RoomLeases leases, LifecycleConfig config, Clock clock) {
    this.lifecycle = lifecycle;
    this.ends = ends;
    this.participants = participants;
    this.roomState = roomState;
    this.leases = leases;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (config.reaperEnabled()) {
      lifecycle.thread().scheduleWithFixedDelay(this::scheduledRun, 0, config.reaperInterval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /// Runs the reaper now on the lifecycle thread (after whatever it is doing) and waits for its report.
  ///
  /// @param timeoutMillis how long to wait, in ms
  /// @throws IllegalStateException when the run failed or did not finish in time
  ReaperReport runNow(long timeoutMillis) {
    try {
      return lifecycle.thread().submit(this::run).get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("reaper run failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void scheduledRun() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn("Reaper run failed, retried at the next run: {}", e.toString());
    }
  }

  /// One run; on the lifecycle thread only.
  ///
  /// @throws io.micronaut.data.exceptions.DataAccessException when PostgreSQL fails (the next run retries)
  private ReaperReport run() {
    Instant now = clock.instant();
    List<Participant> open = ends.openRowsJoinedBefore(now.minus(config.leaseTtl()));
    Set<UUID> candidates = new LinkedHashSet<>();
    open.forEach(p -> candidates.add(p.meetingId()));
    candidates.addAll(ends.liveMeetings());
    Map<UUID, Boolean> unowned = new HashMap<>();
    int heldElsewhere = 0;
    try {
      for (UUID meetingId : candidates) {
        Ownership owner = ownership(meetingId);
        unowned.put(meetingId, owner == Ownership.NOBODY);
        if (owner == Ownership.OTHER_NODE) {
          heldElsewhere++;
        }
      }
      int closed = 0;
      int sessions = 0;
      for (Participant p : open) {
        boolean stale = unowned.get(p.meetingId()) || lifecycle.heldSince(p.meetingId())
            .map(since -> p.joinedAt() != null && p.joinedAt().isBefore(since)).orElse(false);
        if (stale && participants.recordLeave(p.participantId(), now)) {
          closed++;
          roomState.removeSession(p.participantId());
          sessions++;
        }
      }
      int ended = 0;
      for (Map.Entry<UUID, Boolean> e : unowned.entrySet()) {
        if (e.getValue() && ends.endIfQuiet(e.getKey(), now.minus(config.grace()))) {
          ended++;
        }
      }
      sessions += staleSessionKeys();
      int rooms = staleRoomKeys();
      ReaperReport report = new ReaperReport(true, closed, ended, sessions, rooms, heldElsewhere);
      if (report.repairedAnything()) {
        LOG.info("Reaper repaired {}", report);
      }
      return report;
    } catch (RedisException | RoomStateException e) {
      LOG.warn("Reaper skipped: Redis unavailable, cannot tell which rooms other nodes hold: {}", e.toString());
      return ReaperReport.redisDown();
    }
  }

  private enum Ownership { THIS_NODE, OTHER_NODE, NOBODY }

  private Ownership ownership(UUID meetingId) {
    if (lifecycle.holds(meetingId)) {
      return Ownership.THIS_NODE;
    }
    Optional<String> holder = leases.holder(meetingId);
    if (holder.isPresent() && !holder.get().equals(lifecycle.nodeId())) {
      return Ownership.OTHER_NODE;
    }
    return Ownership.NOBODY;
  }

  /// Deletes `session:{id}` keys of unowned meetings whose participant row is closed or gone.
  private int staleSessionKeys() {
    int deleted = 0;
    for (UUID sessionId : leases.scanIds("session:")) {
      Optional<SessionState> session = roomState.findSession(sessionId);
      if (session.isEmpty() || ownership(session.get().meetingId()) != Ownership.NOBODY) {
        continue;
      }
      boolean open = participants.find(sessionId).map(p -> p.leftAt() == null).orElse(false);
      if (!open) {
        roomState.removeSession(sessionId);
        deleted++;
      }
    }
    return deleted;
  }

  /// Deletes `meeting_room:{id}` keys of unowned meetings that are no longer live, and leases this node's
  /// previous run left.
  private int staleRoomKeys() {
    Set<UUID> live = Set.copyOf(ends.liveMeetings());
    int deleted = 0;
    for (UUID meetingId : leases.scanIds("meeting_room:")) {
      if (!live.contains(meetingId) && ownership(meetingId) == Ownership.NOBODY) {
        roomState.closeRoom(meetingId);
        deleted++;
      }
    }
    for (UUID meetingId : leases.scanIds("room_lease:")) {
      if (!lifecycle.holds(meetingId) && leases.holder(meetingId).filter(lifecycle.nodeId()::equals).isPresent()) {
        leases.release(meetingId, lifecycle.nodeId());
        deleted++;
      }
    }
    return deleted;
  }
}
