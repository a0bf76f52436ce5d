package com.convene.backend.signaling;

import com.convene.backend.analytics.MeetingEvent;
import com.convene.backend.analytics.MeetingEventSink;
import com.convene.backend.analytics.MeetingEventType;
import com.convene.backend.analytics.QualitySample;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.QualityReport;
import com.convene.sfu.SfuServer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The live rooms of this backend node: admits joiners (meeting checks, `meeting_participants` row, Redis
/// `meeting_room:{id}` and `session:{id}` per seed 000) and tears rooms down when the last one leaves. Every join,
/// leave, media change and host action becomes a `meeting_events` row through the [MeetingEventSink], and
/// quality reports become `call_quality_metrics` rows; the sink buffers and never blocks, so analytics cannot
/// slow or break a call.
///
/// Called from signaling sessions' serial executors (blocking JDBC and Redis calls are fine there).
@Singleton
final class RoomHub {
  private static final Logger LOG = LoggerFactory.getLogger(RoomHub.class);

  /// Outcome of a join attempt.
  sealed interface Admission {
    /// Joined: `self` is the caller's public state in `room`.
    record Admitted(LiveRoom room, ParticipantInfo self) implements Admission {}

    /// Not joined, with the typed reason to send back.
    record Refused(ErrorCode code, String message) implements Admission {}
  }

  private final MeetingService meetings;
  private final ParticipantService participants;
  private final RoomStateService roomState;
  private final SfuServer sfu;
  private final SignalingMetrics metrics;
  private final MeetingEventSink events;
  private final java.util.concurrent.atomic.AtomicLong lastEventMillis = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, LiveRoom> rooms = new HashMap<>();

  RoomHub(
      MeetingService meetings,
      ParticipantService participants,
      RoomStateService roomState,
      SfuServer sfu,
      SignalingMetrics metrics,
      MeetingEventSink events) {
    this.events = events;
    this.meetings = meetings;
    this.participants = participants;
    this.roomState = roomState;
    this.sfu = sfu;
    this.metrics = metrics;
  }

  SignalingMetrics metrics() {
    return metrics;
  }

  /// Admits `session`'s user into the meeting named by `join` (id or join code).
  Admission admit(SignalingSession session, JoinRequest join) {
    MeetingView meeting;
    try {
      meeting = meetings.findForJoin(join.meeting());
    } catch (ProblemException e) {
      return refusal(e);
    }
    UUID userId = UUID.fromString(session.userId());
    String meetingId = meeting.id().toString();
    LiveRoom room;
    synchronized (this) {
      room = rooms.computeIfAbsent(
          meetingId,
          id -> new LiveRoom(id, meeting.title(), meeting.allowScreenShare(), sfu.room(id)));
      if (room.size() >= meeting.maxParticipants()) {
        return new Admission.Refused(ErrorCode.MEETING_FULL, "This meeting is full.");
      }
    }
    UUID participantId;
    try {
      participantId =
          participants.recordJoin(
              meeting.id(),
              userId,
              join.displayName(),
              session.connectionId(),
              session.remoteAddress(),
              session.userAgent());
    } catch (ProblemException e) {
      return refusal(e);
    }
    String role = meeting.hostUserId().equals(userId) ? "host" : "participant";
    boolean audioMuted = join.audioMuted() || meeting.muteOnEntry();
    ParticipantInfo self =
        new ParticipantInfo(
            participantId.toString(),
            userId.toString(),
            join.displayName(),
            role,
            audioMuted,
            join.videoMuted(),
            false,
            false);
    synchronized (this) {
      // the room may have been torn down while the row was written
      room = rooms.computeIfAbsent(
          meetingId, id -> new LiveRoom(id, meeting.title(), meeting.allowScreenShare(), sfu.room(id)));
      room.add(session, self);
    }
    roomState.openRoom(meeting.id(), meeting.allowChat(), false);
    roomState.addParticipant(meeting.id(), userId.toString());
    roomState.putSession(
        participantId,
        new SessionState(
            userId,
            meeting.id(),
            session.connectionId(),
            Instant.now(),
            audioMuted,
            !join.videoMuted(),
            List.of("publish", "subscribe"),
            List.of(),
            null,
            null));
    record(room, self, MeetingEventType.PARTICIPANT_JOINED, Map.of("role", role));
    if (audioMuted) {
      record(room, self, MeetingEventType.AUDIO_MUTED, Map.of("cause", "join"));
    }
    return new Admission.Admitted(room, self);
  }

  /// Records mute, camera and screen-share changes between two states of one participant.
  void recordMediaChanges(LiveRoom room, ParticipantInfo before, ParticipantInfo after) {
    if (before.audioMuted() != after.audioMuted()) {
      record(room, after, after.audioMuted() ? MeetingEventType.AUDIO_MUTED : MeetingEventType.AUDIO_UNMUTED,
          Map.of());
    }
    if (before.videoMuted() != after.videoMuted()) {
      record(room, after, after.videoMuted() ? MeetingEventType.VIDEO_OFF : MeetingEventType.VIDEO_ON, Map.of());
    }
    if (before.screenSharing() != after.screenSharing()) {
      record(room, after, after.screenSharing()
          ? MeetingEventType.SCREEN_SHARE_STARTED : MeetingEventType.SCREEN_SHARE_STOPPED, Map.of());
    }
  }

  /// Records that the server removed `participantId` from `room` (host action or meeting end).
  void recordHostAction(LiveRoom room, String participantId, String action) {
    record(room, room.participant(participantId), MeetingEventType.HOST_ACTION, Map.of("action", action));
  }

  /// Stores a participant's quality report as a `call_quality_metrics` row stamped with the server's clock.
  void recordQuality(LiveRoom room, String participantId, QualityReport r) {
    events.record(new QualitySample(UUID.fromString(room.meetingId()), UUID.fromString(participantId),
        Instant.now(), r.audioBitrateBps(), r.audioPacketLoss(), r.audioJitterMillis(), r.audioRttMillis(),
        r.videoBitrateBps(), r.videoPacketLoss(), r.videoFrameRate(), r.videoResolution(), r.videoRttMillis(),
        r.networkType(), r.bandwidthAvailableBps(), r.cpuUsage(), r.memoryUsageMib()));
  }

  /// Now, at millisecond precision (Cassandra `timestamp`), but strictly after the previous event of this node, so
  /// events of one participant keep their order in `meeting_events` even within one millisecond.
  private Instant nextEventTime() {
    long now = Instant.now().toEpochMilli();
    return Instant.ofEpochMilli(lastEventMillis.updateAndGet(last -> Math.max(now, last + 1)));
  }

  /// Records one meeting event for `who`; never throws.
  void record(LiveRoom room, ParticipantInfo who, MeetingEventType type, Map<String, String> data) {
    try {
      Map<String, String> all = new HashMap<>(data);
      all.put("participant_id", who.participantId());
      events.record(new MeetingEvent(UUID.fromString(room.meetingId()), nextEventTime(), UUID.randomUUID(), type,
          UUID.fromString(who.userId()), who.displayName(), all));
    } catch (RuntimeException e) {
      LOG.warn("meeting event not recorded meetingId={} type={}", room.meetingId(), type, e);
    }
  }

  /// Takes `participantId` out of `room`: `left_at` written, Redis updated, the others told.
  void leave(LiveRoom room, String participantId, String reason) {
    boolean empty;
    record(room, room.participant(participantId), MeetingEventType.PARTICIPANT_LEFT, Map.of("reason", reason));
    synchronized (this) {
      empty = room.remove(participantId);
      if (empty) {
        rooms.remove(room.meetingId(), room);
        sfu.removeRoom(room.meetingId());
      }
    }
    room.broadcast(new ParticipantLeft(participantId, reason));
    UUID pid = UUID.fromString(participantId);
    UUID meetingId = UUID.fromString(room.meetingId());
    try {
      participants.recordLeave(pid);
      roomState.removeSession(pid);
      if (empty) {
        roomState.closeRoom(meetingId);
      } else {
        roomState.setScreenSharingUser(meetingId, null);
      }
    } catch (RuntimeException e) {
      LOG.warn("leave bookkeeping failed meetingId={} participantId={}", room.meetingId(), participantId, e);
    }
  }

  private static Admission refusal(ProblemException e) {
    ErrorCode code =
        switch (e.type()) {
          case NOT_FOUND -> ErrorCode.MEETING_NOT_FOUND;
          case MEETING_CANCELLED, MEETING_ENDED -> ErrorCode.MEETING_CLOSED;
          case MEETING_PASSWORD_REQUIRED, FORBIDDEN -> ErrorCode.FORBIDDEN;
          default -> ErrorCode.INTERNAL_ERROR;
        };
    return new Admission.Refused(code, e.getMessage());
  }
}
