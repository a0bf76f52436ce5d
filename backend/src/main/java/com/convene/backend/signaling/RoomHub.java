package com.convene.backend.signaling;

import com.convene.backend.analytics.AnalyticsConfig;
import com.convene.backend.analytics.MeetingEvent;
import com.convene.backend.analytics.MeetingEventSink;
import com.convene.backend.analytics.MeetingEventType;
import com.convene.backend.analytics.QualitySample;
import com.convene.backend.chat.ChatService;
import com.convene.backend.chat.ChatStreamReader;
import com.convene.backend.chat.StoredChat;
import com.convene.backend.lifecycle.MeetingLifecycle;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.meeting.PasswordAttemptsExceededException;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.ratelimit.RateLimitedAction;
import com.convene.backend.ratelimit.RateVerdict;
import com.convene.backend.ratelimit.TokenBuckets;
import com.convene.backend.recording.LiveRecordingControl;
import com.convene.backend.recording.RecordingException;
import com.convene.backend.recording.RecordingService;
import com.convene.model.api.RecordingView;
import com.convene.model.signal.RecordingStarted;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import com.convene.backend.room.WebRtcStateService;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.QualityReport;
import com.convene.model.signal.WaitingParticipant;
import com.convene.sfu.SfuServer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The live rooms of this backend node: admits joiners under the meeting's rules (password, lock, removal,
/// `max_participants`, waiting room, `mute_on_entry`), writes the `meeting_participants` row and the Redis
/// `meeting_room:{id}` and `session:{id}` keys (seed 000), and tears rooms down when nobody is left. Every join,
/// leave, media change and host action becomes a `meeting_events` row through the [MeetingEventSink], and
/// quality reports become `call_quality_metrics` rows; the sink buffers and never blocks, so analytics cannot
/// slow or break a call.
///
/// The meeting's host and admins skip the password, the lock and the waiting room, and may take the seats held for
/// them ([LiveRoom#reserveSeat], docs/decisions/092-room-capacity.md). Wrong meeting passwords and knocks on the
/// waiting room are limited by the Redis token buckets of docs/decisions/093-rate-limits.md.
///
/// Called from signaling sessions' serial executors; its store calls have deadlines (decision 088) and leaves and ends
/// go through the outbox (decision 089).
///
/// Size: over 500 lines because it joins the live rooms with PostgreSQL, Redis, analytics, chat and recording;
/// live recording control and chat delivery are the parts to move into classes of their own.
@Singleton
final class RoomHub implements LiveRecordingControl {
  private static final Logger LOG = LoggerFactory.getLogger(RoomHub.class);

  /// Outcome of a join attempt.
  sealed interface Admission {
    /// Joined: `self` is the caller's public state in `room`; `mutedOnEntry` when the meeting muted it.
    record Admitted(LiveRoom room, ParticipantInfo self, boolean mutedOnEntry) implements Admission {}

    /// In the waiting room of `room` under `waitingId` until a moderator admits or denies.
    record Waiting(LiveRoom room, String waitingId) implements Admission {}

    /// Not joined, with the typed reason to send back; `retryAfterMillis` (or null) for a rate limit.
    record Refused(ErrorCode code, String message, @org.jspecify.annotations.Nullable Long retryAfterMillis)
        implements Admission {
      Refused(ErrorCode code, String message) {
        this(code, message, null);
      }
    }
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
  /// Orders opening and closing of chat stream groups against room creation and teardown (never taken while
  /// holding `this`).
  private final Object chatLock = new Object();
  private final java.util.concurrent.atomic.AtomicLong lastEventMillis = new java.util.concurrent.atomic.AtomicLong();
  private final RecordingService recordings;
  private final MeetingLifecycle lifecycle;
  private final RoomCapacityConfig capacity;
  private final TokenBuckets buckets;
  private final Map<String, LiveRoom> rooms = new HashMap<>();
  /// Meetings a host ended on this node, by meeting id, with when: their `ended` status may still be on its way
  /// to PostgreSQL through the outbox, so joins are refused here meanwhile. Entries older than
  /// [#ENDED_MEMORY] are dropped at the next end.
  private final Map<String, Instant> endedHere = new java.util.concurrent.ConcurrentHashMap<>();
  /// How long [#endedHere] remembers an end: far longer than the outbox needs unless PostgreSQL is down, and a
  /// join needs PostgreSQL.
  private static final java.time.Duration ENDED_MEMORY = java.time.Duration.ofMinutes(10);

  RoomHub(
      MeetingService meetings,
      ParticipantService participants,
      RoomStateService roomState,
      SfuServer sfu,
      SignalingMetrics metrics,
      MeetingEventSink events,
      RecordingService recordings,
      ChatService chat,
      ChatStreamReader chatStreams,
      WebRtcStateService webRtc,
      AnalyticsConfig analytics,
      MeetingLifecycle lifecycle,
      RoomCapacityConfig capacity,
      TokenBuckets buckets) {
    this.capacity = capacity;
    this.buckets = buckets;
    this.lifecycle = lifecycle;
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
    this.recordings = recordings;
  }

  /// The shared rate-limit buckets (decision 093).
  TokenBuckets buckets() {
    return buckets;
  }

  SignalingMetrics metrics() {
    return metrics;
  }

  /// Presence and SDP/ICE keys in Redis.
  WebRtcStateService webRtc() {
    return webRtc;
  }

  /// Admits `session`'s user into the meeting named by `join` (id or join code), puts it into the waiting room,
  /// or refuses it with a typed reason.
  Admission admit(SignalingSession session, JoinRequest join) {
    MeetingView meeting;
    try {
      meeting = meetings.findForJoin(join.meeting());
    } catch (ProblemException e) {
      return refusal(e);
    }
    if (endedHere.containsKey(meeting.id().toString())) {
      return new Admission.Refused(ErrorCode.MEETING_CLOSED, "This meeting has ended.");
    }
    boolean privileged = session.admin() || meeting.hostUserId().toString().equals(session.userId());
    if (meeting.requirePassword() && !privileged) {
      if (join.password() == null || join.password().isEmpty()) {
        return new Admission.Refused(ErrorCode.MEETING_PASSWORD_REQUIRED, "This meeting needs a password.");
      }
      try {
        meetings.checkJoinPassword(meeting.id(), join.password(), UUID.fromString(session.userId()));
      } catch (PasswordAttemptsExceededException e) {
        metrics.rateLimited(RateLimitedAction.PASSWORD_PER_USER);
        return new Admission.Refused(ErrorCode.RATE_LIMITED, e.getMessage(), e.retryAfterMillis());
      } catch (ProblemException e) {
        metrics.wrongMeetingPassword();
        LOG.info("Wrong meeting password meetingId={} userId={}", meeting.id(), session.userId());
        return new Admission.Refused(ErrorCode.MEETING_PASSWORD_WRONG, "The meeting password is wrong.");
      }
    }
    if (meeting.waitingRoomEnabled() && !privileged) {
      // a knock: limited per user and meeting (decision 093); waits at most the Redis deadline, like the
      // PostgreSQL look-up above
      RateVerdict knock = buckets.take(RateLimitedAction.KNOCK, meeting.id() + ":" + session.userId()).join();
      if (!knock.allowed()) {
        metrics.rateLimited(RateLimitedAction.KNOCK);
        return new Admission.Refused(ErrorCode.RATE_LIMITED,
            "You knocked too often; try again in a few seconds.", knock.retryAfterMillis());
      }
    }
    LiveRoom room;
    synchronized (this) {
      room = rooms.computeIfAbsent(meeting.id().toString(), id -> newRoom(id, meeting));
      room.refreshRules(meeting);
      if (!privileged && room.banned(session.userId())) {
        return new Admission.Refused(ErrorCode.REMOVED_FROM_MEETING, "The host removed you from this meeting.");
      }
      if (!privileged && room.locked()) {
        return new Admission.Refused(ErrorCode.MEETING_LOCKED, "The host has locked this meeting.");
      }
      Optional<LiveRoom.Refusal> refusal = meeting.waitingRoomEnabled() && !privileged
          ? room.addWaiter(new LiveRoom.Waiter(
              session, new WaitingParticipant(session.connectionId(), session.userId(), join.displayName()), join))
          : room.reserveSeat(session.userId(), privileged);
      if (refusal.isPresent()) {
        metrics.capacityRefusal(refusal.get());
        LOG.info("Join refused meetingId={} userId={} reason={}", meeting.id(), session.userId(), refusal.get());
        return refused(refusal.get());
      }
    }
    if (meeting.waitingRoomEnabled() && !privileged) {
      try {
        roomState.addToWaitingRoom(meeting.id(), session.userId());
      } catch (ProblemException e) {
        LOG.warn("waiting room not recorded in Redis meetingId={}", meeting.id(), e);
      }
      LOG.info("Joiner waiting meetingId={} userId={}", meeting.id(), session.userId());
      return new Admission.Waiting(room, session.connectionId());
    }
    return enter(session, room, meeting, join);
  }

  /// Records the join of a waiter a moderator admitted ([LiveRoom#admitWaiter], which reserved its place);
  /// runs on the joiner's executor. Re-reads the meeting: it may have ended meanwhile.
  Admission enterFromWaitingRoom(SignalingSession session, LiveRoom room, JoinRequest join) {
    MeetingView meeting;
    try {
      meeting = meetings.findForJoin(room.meetingId());
    } catch (ProblemException e) {
      room.releaseSlot(session.userId());
      dropRoomIfAbandoned(room);
      return refusal(e);
    }
    return enter(session, room, meeting, join);
  }

  /// Gives back a place reserved for an admitted waiter that went away before it could enter.
  void releaseAdmission(LiveRoom room, String userId) {
    room.releaseSlot(userId);
    dropRoomIfAbandoned(room);
  }

  /// Records the join of a caller holding a reserved slot in `room`.
  private Admission enter(SignalingSession session, LiveRoom room, MeetingView meeting, JoinRequest join) {
    UUID userId = UUID.fromString(session.userId());
    lifecycle.roomOpened(meeting.id()); // a join within the grace period keeps the meeting going
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
      room.releaseSlot(session.userId());
      dropRoomIfAbandoned(room);
      return refusal(e);
    }
    String role = meeting.hostUserId().equals(userId) ? "host" : "participant";
    boolean mutedOnEntry = meeting.muteOnEntry() && !join.audioMuted();
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
      // the room object may have been dropped while the row was written: put it back
      rooms.putIfAbsent(room.meetingId(), room);
      room.add(session, self, session.admin());
    }
    // every live room reads its chat stream (allow_chat may change while it lives; refusal is per message)
    synchronized (chatLock) {
      chatStreams.open(meeting.id(), this::deliverChat);
    }
    try {
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
    } catch (ProblemException e) {
      LOG.warn("room state not recorded in Redis meetingId={} participantId={}", meeting.id(), participantId, e);
    }
    record(room, self, MeetingEventType.PARTICIPANT_JOINED,
        Map.of("role", role, "device_type", session.deviceType(), "region", analytics.region()));
    if (audioMuted) {
      record(room, self, MeetingEventType.AUDIO_MUTED, Map.of("cause", "join"));
    }
    return new Admission.Admitted(room, self, mutedOnEntry);
  }

  /// Takes a joiner out of the waiting room without admitting it (it left, was denied or the meeting ended).
  void leaveWaitingRoom(LiveRoom room, String waitingId, String userId) {
    room.takeWaiter(waitingId);
    afterWaitingRoomChange(room, userId);
  }

  /// Bookkeeping after a joiner left the waiting room: Redis, the moderators' list, teardown.
  void afterWaitingRoomChange(LiveRoom room, String userId) {
    try {
      roomState.removeFromWaitingRoom(UUID.fromString(room.meetingId()), userId);
    } catch (ProblemException e) {
      LOG.warn("waiting room not updated in Redis meetingId={}", room.meetingId(), e);
    }
    dropRoomIfAbandoned(room);
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

  /// Records a `hand_raised` or `hand_lowered` meeting event for `who` (state after the change).
  void recordHandChange(LiveRoom room, ParticipantInfo who) {
    record(room, who, who.handRaised() ? MeetingEventType.HAND_RAISED : MeetingEventType.HAND_LOWERED, Map.of());
  }

  /// Stores a chat message of `participantId` without blocking; the stored row is the sender's acknowledgement
  /// and is published to the meeting's Redis stream for everyone else (docs/decisions/024). Records a
  /// `chat_message` meeting event once stored.
  ///
  /// @return completes with the stored message, or exceptionally with
  ///     [com.convene.backend.chat.ChatException] when PostgreSQL failed or missed the store deadline (nothing
  ///     stored; the sender may resend); completes on a chat thread
  /// @throws IllegalStateException when `participantId` is not in `room`
  CompletableFuture<StoredChat> sendChat(LiveRoom room, String participantId, ChatSend send) {
    ParticipantInfo who = room.participant(participantId)
        .orElseThrow(() -> new IllegalStateException("not a member of the room"));
    return chat.send(UUID.fromString(room.meetingId()), UUID.fromString(participantId),
            UUID.fromString(who.userId()), who.displayName(), send.clientMessageId(), send.content())
        .whenComplete((stored, error) -> {
          if (stored != null) {
            record(room, who, MeetingEventType.CHAT_MESSAGE, Map.of("message_id", stored.messageId().toString(),
                "length", Integer.toString(stored.content().length())));
          }
        });
  }

  /// The meeting's recent chat (Redis `chat:{meeting_id}`), oldest first.
  List<StoredChat> chatHistory(LiveRoom room) {
    return chat.history(UUID.fromString(room.meetingId()));
  }

  /// Called by the chat stream reader: hands a message to every socket of the meeting's room on this node but
  /// its sender's, which was answered when the message was stored.
  private void deliverChat(StoredChat message) {
    LiveRoom room;
    synchronized (this) {
      room = rooms.get(message.meetingId().toString());
    }
    if (room != null) {
      room.broadcastExcept(message.senderParticipantId().toString(), new ChatMessage(message.toEntry()));
    }
  }

  /// Records a host action (`action`: removed, meeting-ended, mute-all, transfer-host, lock, unlock) with
  /// `participantId` as the participant it concerns.
  void recordHostAction(LiveRoom room, String participantId, String action) {
    room.participant(participantId)
        .ifPresent(who -> record(room, who, MeetingEventType.HOST_ACTION, Map.of("action", action)));
  }

  /// Stores a participant's quality report as a `call_quality_metrics` row stamped with the server's clock, at
  /// millisecond precision but strictly increasing on this node: two reports within one millisecond would
  /// otherwise share the primary key and the second would overwrite the first.
  void recordQuality(LiveRoom room, String participantId, QualityReport r) {
    events.record(new QualitySample(UUID.fromString(room.meetingId()), UUID.fromString(participantId),
        nextEventTime(), r.audioBitrateBps(), r.audioPacketLoss(), r.audioJitterMillis(), r.audioRttMillis(),
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

  /// Takes `participantId` out of `room`: the others told, `left_at` handed to the durable outbox (never waited
  /// for here; docs/decisions/089-postgresql-outbox.md), Redis updated.
  void leave(LiveRoom room, String participantId, String reason) {
    room.participant(participantId)
        .ifPresent(who -> record(room, who, MeetingEventType.PARTICIPANT_LEFT, Map.of("reason", reason)));
    room.remove(participantId);
    boolean dropped = dropRoomIfAbandoned(room);
    room.broadcast(new ParticipantLeft(participantId, reason));
    UUID pid = UUID.fromString(participantId);
    UUID meetingId = UUID.fromString(room.meetingId());
    lifecycle.recordLeave(meetingId, pid, Instant.now());
    try {
      roomState.removeSession(pid);
      if (dropped) {
        roomState.closeRoom(meetingId);
      } else {
        roomState.setScreenSharingUser(meetingId, null);
      }
    } catch (RuntimeException e) {
      LOG.warn("leave bookkeeping failed meetingId={} participantId={}", room.meetingId(), participantId, e);
    }
  }

  /// Records a host control that turned a participant's medium off in its Redis `session:{id}`.
  void recordMediaOff(LiveRoom room, ParticipantInfo target, MediaSource source) {
    UUID pid = UUID.fromString(target.participantId());
    try {
      roomState.findSession(pid).ifPresent(s -> roomState.putSession(pid, new SessionState(
          s.userId(), s.meetingId(), s.connectionId(), s.joinedAt(), s.isMuted() || source == MediaSource.MICROPHONE,
          s.isVideoOn() && source != MediaSource.CAMERA, s.peerConnections(), s.iceCandidates(), s.sdpOffer(),
          s.sdpAnswer())));
      if (source == MediaSource.SCREEN) {
        roomState.setScreenSharingUser(UUID.fromString(room.meetingId()), null);
      }
    } catch (ProblemException e) {
      LOG.warn("media state not recorded in Redis participantId={}", pid, e);
    }
    MeetingEventType type = switch (source) {
      case MICROPHONE -> MeetingEventType.AUDIO_MUTED;
      case CAMERA -> MeetingEventType.VIDEO_OFF;
      case SCREEN -> MeetingEventType.SCREEN_SHARE_STOPPED;
    };
    record(room, target, type, Map.of("cause", "host"));
  }

  /// Ends the meeting for everyone: `meetings.status = 'ended'` handed to the durable outbox (it lands within
  /// milliseconds, or when PostgreSQL is back; a join needs PostgreSQL, which then refuses the ended meeting), then
  /// every waiting joiner and every member but `by` is sent away with reason `meeting-ended`.
  void endMeeting(LiveRoom room, SignalingSession by) {
    // through the outbox: the host is never held by PostgreSQL, and an end made while it is down lands later
    Instant now = Instant.now();
    endedHere.values().removeIf(at -> at.isBefore(now.minus(ENDED_MEMORY)));
    endedHere.put(room.meetingId(), now);
    lifecycle.recordEnd(UUID.fromString(room.meetingId()), now);
    for (LiveRoom.Waiter waiter : room.takeAllWaiters()) {
      waiter.session().sendAway(room, "meeting-ended");
    }
    for (SignalingSession member : room.sessions()) {
      if (member != by) {
        member.removeFromRoom("meeting-ended");
      }
    }
    LOG.info("Meeting ended by host meetingId={} userId={}", room.meetingId(), by.userId());
  }

  /// Ends the live room of a meeting that was closed outside the call (REST `/conferences/stop`, cancel, or
  /// [#endMeeting] itself): everyone waiting is sent away and every member gets `Left(meeting-ended)`.
  /// Idempotent; does nothing when the meeting has no live room on this node.
  void closeLiveRoom(UUID meetingId) {
    LiveRoom room;
    synchronized (this) {
      room = rooms.get(meetingId.toString());
    }
    if (room == null) {
      return;
    }
    for (LiveRoom.Waiter waiter : room.takeAllWaiters()) {
      waiter.session().sendAway(room, "meeting-ended");
    }
    for (SignalingSession member : room.sessions()) {
      member.removeFromRoom("meeting-ended");
    }
    LOG.info("Live room closed with its meeting meetingId={}", meetingId);
  }

  @Override
  public RecordingView start(UUID meetingId, UUID byUserId) {
    return startRecording(requireLive(meetingId), byUserId, false);
  }

  @Override
  public RecordingView stop(UUID meetingId) {
    LiveRoom room;
    synchronized (this) {
      room = rooms.get(meetingId.toString());
    }
    if (room == null) {
      return recordings.stop(meetingId); // nobody left to tell
    }
    return stopRecording(room);
  }

  /// Starts recording `room` and tells everyone in it.
  ///
  /// @throws RecordingException `recording-disabled` or `recording-already-running`
  RecordingView startRecording(LiveRoom room, UUID byUserId, boolean automatic) {
    UUID meetingId = UUID.fromString(room.meetingId());
    RecordingView started = recordings.start(meetingId, byUserId, room.sfuRoom(), room::sourceLabel);
    room.recordingStarted(new RecordingStarted(started.id().toString(), byUserId.toString(), automatic));
    try {
      roomState.setRecording(meetingId, true);
    } catch (RuntimeException e) {
      LOG.warn("room state not updated meetingId={}", meetingId, e);
    }
    return started;
  }

  /// Stops recording `room`, waits until its files are stored, and tells everyone in it.
  ///
  /// @throws RecordingException `recording-not-running`
  RecordingView stopRecording(LiveRoom room) {
    UUID meetingId = UUID.fromString(room.meetingId());
    RecordingView stopped = recordings.stop(meetingId);
    room.recordingStopped(stopped.id().toString(), "failed".equals(stopped.status()) ? "failed" : "stopped");
    try {
      roomState.setRecording(meetingId, false);
    } catch (RuntimeException e) {
      LOG.warn("room state not updated meetingId={}", meetingId, e);
    }
    return stopped;
  }

  /// Starts the recording of a room whose meeting has `auto_record`, once someone publishes; credited to the host.
  void autoRecord(LiveRoom room) {
    if (!room.autoRecord() || room.recording() != null) {
      return;
    }
    try {
      startRecording(room, UUID.fromString(room.hostUserId()), true);
    } catch (RecordingException e) {
      LOG.debug("auto-record not started meetingId={}: {}", room.meetingId(), e.getMessage());
    }
  }

  private LiveRoom requireLive(UUID meetingId) {
    synchronized (this) {
      LiveRoom room = rooms.get(meetingId.toString());
      if (room != null) {
        return room;
      }
    }
    meetings.get(meetingId); // not-found for an unknown meeting
    throw new RecordingException(ProblemType.MEETING_NOT_LIVE, "Nobody is in this meeting right now.");
  }

  private LiveRoom newRoom(String meetingId, MeetingView meeting) {
    lifecycle.roomOpened(meeting.id());
    return new LiveRoom(meeting, sfu.room(meetingId), capacity);
  }

  /// [#dropIfAbandoned], then stops reading the meeting's chat stream unless a new room took its place.
  private boolean dropRoomIfAbandoned(LiveRoom room) {
    boolean dropped = dropIfAbandoned(room);
    if (dropped) {
      synchronized (chatLock) {
        boolean reopened;
        synchronized (this) {
          reopened = rooms.containsKey(room.meetingId());
          if (!reopened) { // under this lock, ordered against newRoom's roomOpened
            lifecycle.roomEmptied(UUID.fromString(room.meetingId())); // ends the meeting after the grace period
          }
        }
        if (!reopened) {
          chatStreams.close(UUID.fromString(room.meetingId()));
        }
      }
    }
    return dropped;
  }

  private synchronized boolean dropIfAbandoned(LiveRoom room) {
    if (room.abandoned() && rooms.remove(room.meetingId(), room)) {
      sfu.removeRoom(room.meetingId());
      return true;
    }
    return false;
  }

  private static Admission refused(LiveRoom.Refusal refusal) {
    return switch (refusal) {
      case MEETING_FULL -> new Admission.Refused(ErrorCode.MEETING_FULL, "This meeting is full.");
      case TOO_MANY_DEVICES -> new Admission.Refused(ErrorCode.TOO_MANY_DEVICES,
          "You are in this meeting on too many devices already; leave on one of them first.");
      case WAITING_ROOM_FULL -> new Admission.Refused(ErrorCode.WAITING_ROOM_FULL,
          "Too many people are waiting to get into this meeting; try again later.");
    };
  }

  private static Admission refusal(ProblemException e) {
    ErrorCode code =
        switch (e.type()) {
          case NOT_FOUND -> ErrorCode.MEETING_NOT_FOUND;
          case MEETING_CANCELLED, MEETING_ENDED -> ErrorCode.MEETING_CLOSED;
          case MEETING_PASSWORD_REQUIRED -> ErrorCode.MEETING_PASSWORD_WRONG;
          case FORBIDDEN -> ErrorCode.FORBIDDEN;
          default -> ErrorCode.INTERNAL_ERROR;
        };
    return new Admission.Refused(code, e.getMessage());
  }
}
