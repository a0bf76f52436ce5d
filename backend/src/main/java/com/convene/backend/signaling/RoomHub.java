package com.convene.backend.signaling;

import com.convene.backend.analytics.AnalyticsConfig;
import com.convene.backend.analytics.MeetingEvent;
import com.convene.backend.analytics.MeetingEventSink;
import com.convene.backend.analytics.MeetingEventType;
import com.convene.backend.analytics.QualitySample;
import com.convene.backend.chat.ChatService;
import com.convene.backend.chat.ChatStreamReader;
import com.convene.backend.chat.StoredChat;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import com.convene.backend.room.WebRtcStateService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
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
  private final ChatService chat;
  private final ChatStreamReader chatStreams;
  private final WebRtcStateService webRtc;
  private final AnalyticsConfig analytics;
  private final java.util.concurrent.atomic.AtomicLong lastEventMillis = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, LiveRoom> rooms = new HashMap<>();
  /// Orders opening and closing of chat stream groups against room creation and teardown (never held with `this`
  /// first).
  private final Object chatLock = new Object();

  RoomHub(
      MeetingService meetings,
      ParticipantService participants,
      RoomStateService roomState,
      SfuServer sfu,
      SignalingMetrics metrics,
      MeetingEventSink events,
      ChatService chat,
      ChatStreamReader chatStreams,
      WebRtcStateService webRtc,
      AnalyticsConfig analytics) {
    this.events = events;
    this.chat = chat;
    this.chatStreams = chatStreams;
    this.webRtc = webRtc;
    this.analytics = analytics;
    this.meetings = meetings;
    this.participants = participants;
    this.roomState = roomState;
    this.sfu = sfu;
    this.metrics = metrics;
  }

  SignalingMetrics metrics() {
    return metrics;
  }

  /// Presence and SDP/ICE keys in Redis.
  WebRtcStateService webRtc() {
    return webRtc;
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
          id -> new LiveRoom(id, meeting.title(), meeting.allowScreenShare(), meeting.allowChat(), sfu.room(id)));
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
              session.userAgent(),
              session.deviceType(),
              analytics.region());
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
          meetingId, id -> new LiveRoom(id, meeting.title(), meeting.allowScreenShare(), meeting.allowChat(),
              sfu.room(id)));
      room.add(session, self);
    }
    if (meeting.allowChat()) {
      synchronized (chatLock) {
        chatStreams.open(meeting.id(), this::deliverChat);
      }
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
            List.of(session.connectionId() + "-publish", session.connectionId() + "-subscribe"),
            List.of(),
            null,
            null));
    record(room, self, MeetingEventType.PARTICIPANT_JOINED,
        Map.of("role", role, "device_type", session.deviceType(), "region", analytics.region()));
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

  /// Stores and publishes a chat message of `participantId`; delivery (the sender's acknowledgement included)
  /// follows through the meeting's Redis stream. Records a `chat_message` meeting event.
  ///
  /// @throws com.convene.backend.chat.ChatException when PostgreSQL or Redis failed; the sender may resend
  StoredChat sendChat(LiveRoom room, String participantId, ChatSend send) {
    ParticipantInfo who = room.participant(participantId);
    StoredChat stored = chat.send(UUID.fromString(room.meetingId()), UUID.fromString(participantId),
        UUID.fromString(who.userId()), who.displayName(), send.clientMessageId(), send.content());
    record(room, who, MeetingEventType.CHAT_MESSAGE,
        Map.of("message_id", stored.messageId().toString(), "length", Integer.toString(stored.content().length())));
    return stored;
  }

  /// The meeting's recent chat (Redis `chat:{meeting_id}`), oldest first.
  List<StoredChat> chatHistory(LiveRoom room) {
    return chat.history(UUID.fromString(room.meetingId()));
  }

  /// Called by the chat stream reader: hands a message to every socket of the meeting's room on this node.
  private void deliverChat(StoredChat message) {
    LiveRoom room;
    synchronized (this) {
      room = rooms.get(message.meetingId().toString());
    }
    if (room != null) {
      room.broadcast(new ChatMessage(message.toEntry()));
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
    if (empty) {
      synchronized (chatLock) {
        boolean reopened;
        synchronized (this) {
          reopened = rooms.containsKey(room.meetingId());
        }
        if (!reopened) {
          chatStreams.close(UUID.fromString(room.meetingId()));
        }
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
