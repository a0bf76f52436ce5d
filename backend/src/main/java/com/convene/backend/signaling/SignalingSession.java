package com.convene.backend.signaling;

import com.convene.backend.chat.ChatException;
import com.convene.backend.chat.StoredChat;
import com.convene.backend.ratelimit.RateLimitedAction;
import com.convene.backend.ratelimit.RateVerdict;
import com.convene.model.signal.ChatHistory;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.AdmitRequest;
import com.convene.model.signal.DenyRequest;
import com.convene.model.signal.DominantSpeaker;
import com.convene.model.signal.EndMeetingRequest;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Heartbeat;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.LockRoomRequest;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.MediaStopped;
import com.convene.model.signal.MuteAllRequest;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.PublishAnswer;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.QualityReport;
import com.convene.model.signal.RemoveParticipantRequest;
import com.convene.model.signal.ResumeRequest;
import com.convene.model.signal.Resumed;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.RecordingStarted;
import com.convene.model.signal.RecordingStopped;
import com.convene.model.signal.StartRecording;
import com.convene.model.signal.StopRecording;
import com.convene.backend.problem.ProblemException;
import com.convene.model.signal.RaiseHand;
import com.convene.model.signal.ReactionReceived;
import com.convene.model.signal.ReceiveSettings;
import com.convene.model.signal.SendReaction;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalDecodeException;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.StopMediaRequest;
import com.convene.model.signal.SubscribeAnswer;
import com.convene.model.signal.SubscribeOffer;
import com.convene.model.signal.TrackPublished;
import com.convene.model.signal.TrackReceiveSetting;
import com.convene.model.signal.TrackUnpublished;
import com.convene.model.signal.TransferHostRequest;
import com.convene.model.signal.Waiting;
import com.convene.model.signal.WaitingRoomChanged;
import com.convene.model.signal.WaitingRoomUpdated;
import com.convene.model.signal.Welcome;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SdpException;
import com.convene.sfu.SfuListener;
import com.convene.sfu.SfuParticipant;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One signaling connection's state machine: `AWAITING_HELLO -> READY -> [WAITING ->] JOINED -> READY ... -> CLOSED`.
///
/// Resume (docs/decisions/080-signaling-resume.md): when the socket of a `JOINED` session closes without `leave`,
/// the session is *detached*, not closed: the participant stays in the room (SFU transport and tracks untouched),
/// what it would be sent is kept in [MissedSignals], and [ResumableSessions] ends the grace period
/// (`convene.signaling.resume-grace`) by leaving as a disconnect always did. A [ResumeRequest] on a fresh session
/// of the same user with the right token moves the new socket onto this session ([#resumeOnto]); the fresh
/// session then only forwards what it still has queued.
///
/// `WAITING` is the meeting's waiting room: a moderator's [AdmitRequest] moves the joiner on to `JOINED`, a
/// [DenyRequest] back to `READY`. Host controls (mute, stop media, remove, end, hand over, lock) need a
/// moderator: the `host` role in the room or an admin account; everyone else gets `FORBIDDEN`.
///
/// Thread confinement: every frame, every SFU callback and every message from other sessions runs on this
/// session's own serial executor (one virtual thread), so state needs no locks and outgoing frames keep their
/// order. Store calls made here have deadlines (Redis 300 ms behind a breaker, PostgreSQL connections 2 s; decision
/// 088), chat is stored off this thread and leaves go through the outbox (decisions 024, 089), so a hung store
/// holds one message for at most its deadline; the Netty event loop never waits for it.
///
/// Size: over 500 lines because it is one connection's whole state machine, every message's handler working on the
/// state this one serial executor confines; moving the host controls, chat and resume handlers into classes of their
/// own that take the session's state is the planned split.
final class SignalingSession implements SfuListener {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingSession.class);
  /// Close code for an unsupported protocol version (4xxx: application-defined, RFC 6455 §7.4.2).
  static final CloseReason UNSUPPORTED_VERSION = new CloseReason(4400, "unsupported protocol version");
  /// Close code when the account was disabled (suspended or deleted) while connected.
  static final CloseReason ACCOUNT_DISABLED = new CloseReason(4403, "account disabled");
  /// Close code for a socket whose participant was resumed on another socket (the server had not yet seen it go).
  static final CloseReason RESUMED_ELSEWHERE = new CloseReason(4409, "resumed on another connection");
  /// Longest wait of a fresh session for the resumed session's answer, ms.
  private static final long RESUME_WAIT_MILLIS = 5_000;

  private enum State { AWAITING_HELLO, READY, WAITING, JOINED, CLOSED, HANDED_OVER }

  /// The socket this session writes to; replaced by a resume. Session thread only (read once at construction).
  private WebSocketSession ws;
  private final SignalCodec codec;
  private final RoomHub hub;
  private final ResumableSessions resumables;
  private String connectionId;
  private final String userId;
  private final String remoteAddress;
  private final String userAgent;
  private final boolean admin;
  private final ExecutorService serial =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("signaling-", 0).factory());

  private State state = State.AWAITING_HELLO;
  private LiveRoom room;
  private String participantId;
  private SfuParticipant sfuParticipant;
  /// Rate-limited requests in arrival order, waiting for their verdicts; session thread only.
  private final java.util.ArrayDeque<PendingVerdict> pendingVerdicts = new java.util.ArrayDeque<>();
  private int subscribeRevision;
  private String lastSubscribeOffer;
  private String deviceType = "other";
  /// Whether the client's `hello` declared [Hello#WAITING_ROOM_DELTAS]; written once on this session's thread,
  /// read by [LiveRoom] from others.
  private volatile boolean waitingRoomDeltas;
  private LiveRoom waitingRoom;
  private JoinRequest pendingJoin;
  /// Secret of the current participation, null when not joined; never logged.
  private String resumeToken;
  /// Non-null while detached: the socket is gone, the participant waits for a resume. Written on the session's
  /// serial executor, volatile for [#detached()].
  private volatile MissedSignals missed;
  /// Counts detachments, so a grace timer of an earlier one does nothing.
  private int detachEpoch;
  /// The session a resume handed this fresh socket to (state `HANDED_OVER`).
  private SignalingSession handedTo;

  /// @param admin whether the account holds the `admin` role (host controls in every meeting)
  SignalingSession(
      WebSocketSession ws,
      SignalCodec codec,
      RoomHub hub,
      ResumableSessions resumables,
      String userId,
      boolean admin,
      String remoteAddress,
      String userAgent) {
    this.ws = ws;
    this.admin = admin;
    this.codec = codec;
    this.hub = hub;
    this.resumables = resumables;
    this.connectionId = ws.getId();
    this.userId = userId;
    this.remoteAddress = remoteAddress;
    this.userAgent = userAgent;
  }

  String connectionId() {
    return connectionId;
  }

  String userId() {
    return userId;
  }

  boolean admin() {
    return admin;
  }

  String remoteAddress() {
    return remoteAddress;
  }

  String userAgent() {
    return userAgent;
  }

  /// What the client said it is in its `hello` (`desktop`, `bot`, `mobile` or `other`); session thread only.
  String deviceType() {
    return deviceType;
  }

  /// Whether this client takes waiting-room changes as [WaitingRoomChanged] deltas (any thread).
  boolean waitingRoomDeltas() {
    return waitingRoomDeltas;
  }

  /// Classifies a `hello` client string such as `convene-desktop/0.1.0`.
  static String deviceTypeOf(String client) {
    String c = client.toLowerCase(java.util.Locale.ROOT);
    if (c.contains("bot")) {
      return "bot";
    }
    if (c.contains("android") || c.contains("ios") || c.contains("mobile")) {
      return "mobile";
    }
    return c.contains("desktop") ? "desktop" : "other";
  }

  /// Queues one received text frame. Called on the Netty event loop; returns at once.
  void receive(String frame) {
    long receivedNanos = System.nanoTime();
    run(() -> handleFrame(frame, receivedNanos));
  }

  /// Queues a message for this client. Safe from any thread; order is kept per session.
  void deliver(Signal signal) {
    run(() -> send(signal));
  }

  /// The socket `which` closed (client went away or we closed it). A joined participant that did not leave is
  /// detached and may resume within the grace period; otherwise leave the room or waiting room if in one. A
  /// socket this session no longer writes to (replaced by a resume) is ignored.
  void closed(WebSocketSession which) {
    run(
        () -> {
          if (which != ws || state == State.CLOSED || state == State.HANDED_OVER) {
            return;
          }
          if (state == State.JOINED && missed == null && resumeToken != null) {
            detach();
          } else {
            finish();
          }
        });
  }

  /// Leaves whatever this session is in and stops its executor.
  private void finish() {
    leaveEverything("disconnected");
    if (state != State.AWAITING_HELLO) {
      hub.webRtc().removePresence(userId);
    }
    state = State.CLOSED;
    missed = null;
    serial.shutdown();
  }

  /// Whether the socket is gone and the participant waits for a resume (any thread).
  boolean detached() {
    return missed != null;
  }

  private void detach() {
    missed = new MissedSignals(resumables.bufferCapacity());
    int epoch = ++detachEpoch;
    resumables.startGrace(this, epoch);
    LOG.info("Signaling socket lost; holding participant for resume meetingId={} participantId={} graceMillis={}",
        room.meetingId(), participantId, resumables.grace().toMillis());
  }

  /// The grace period of detachment `epoch` is over: leave as a disconnect does, unless resumed meanwhile.
  void graceOver(int epoch) {
    run(
        () -> {
          if (missed != null && epoch == detachEpoch) {
            LOG.info("Resume grace over; leaving meetingId={} participantId={}",
                room == null ? null : room.meetingId(), participantId);
            resumables.metrics().resume(SignalingMetrics.ResumeOutcome.EXPIRED);
            finish();
          }
        });
  }

  /// Asks this (joined, usually detached) session to continue on `newWs` for `request`, which arrived from
  /// `requesterUserId` on a fresh session. Any thread; the check and the switch run on this session's thread.
  ///
  /// @return completes with true when this session now writes to `newWs` and has sent [Resumed] and the replay;
  ///         false when refused (nothing changed)
  CompletableFuture<Boolean> resumeOnto(WebSocketSession newWs, String requesterUserId, ResumeRequest request) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    boolean queued =
        tryRun(
            () -> {
              try {
                result.complete(attach(newWs, requesterUserId, request));
              } catch (RuntimeException e) {
                LOG.warn("Resume failed connectionId={}", connectionId, e);
                result.complete(false);
              }
            });
    if (!queued) {
      result.complete(false);
    }
    return result;
  }

  private boolean attach(WebSocketSession newWs, String requesterUserId, ResumeRequest request) {
    if (state != State.JOINED
        || resumeToken == null
        || !userId.equals(requesterUserId)
        || !ResumeToken.matches(resumeToken, request.resumeToken())
        || (missed != null && missed.overflowed())) {
      return false;
    }
    List<Signal> replay = missed == null ? List.of() : missed.messages();
    WebSocketSession previous = ws;
    String previousId = connectionId;
    missed = null;
    detachEpoch++;
    ws = newWs;
    connectionId = newWs.getId();
    resumables.connections().route(connectionId, this);
    resumeToken = ResumeToken.next();
    send(new Resumed(request.requestId(), room.meetingId(), participantId, resumeToken, replay.size()));
    replay.forEach(this::send);
    if (previous.isOpen()) {
      resumables.connections().unroute(previousId, this);
      previous.close(RESUMED_ELSEWHERE);
    }
    hub.webRtc().putPresence(userId, "in_meeting", java.util.UUID.fromString(room.meetingId()), deviceType);
    resumables.metrics().resume(SignalingMetrics.ResumeOutcome.RESUMED);
    LOG.info("Participant resumed meetingId={} participantId={} connectionId={} replayed={}", room.meetingId(),
        participantId, connectionId, replay.size());
    return true;
  }

  /// Closes the socket with 4403 when the account is not active (checked on this session's thread).
  void closeIfAccountDisabled(AccountStatusReader accounts) {
    run(
        () -> {
          try {
            if (!accounts.disabledAmong(List.of(java.util.UUID.fromString(userId))).isEmpty()) {
              LOG.info("Refusing signaling for disabled account userId={}", userId);
              hub.metrics().disabledAccountDisconnect();
              leaveEverything("disconnected");
              state = State.CLOSED;
              ws.close(ACCOUNT_DISABLED);
            }
          } catch (java.sql.SQLException e) {
            LOG.warn("Account status check failed connectionId={}: {}", connectionId, e.toString());
          }
        });
  }

  /// Closes the socket from the server side with `reason`, leaving the room first.
  void closeSocket(CloseReason reason) {
    run(
        () -> {
          leaveEverything("disconnected");
          ws.close(reason);
        });
  }

  private void leaveEverything(String reason) {
    if (state == State.JOINED) {
      leaveRoom(reason);
    } else if (state == State.WAITING) {
      leaveWaitingRoom();
    }
  }

  private void run(Runnable task) {
    tryRun(task);
  }

  /// Queues `task`; false when the session is already closed (the task will never run).
  private boolean tryRun(Runnable task) {
    try {
      serial.execute(
          () -> {
            try {
              task.run();
            } catch (Exception e) { // libraries may rethrow checked exceptions unchecked (Netty does)
              LOG.warn("signaling task failed connectionId={}", connectionId, e);
              send(new SignalError(null, ErrorCode.INTERNAL_ERROR, "The server could not handle that message."));
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      LOG.debug("signaling session already closed connectionId={}", connectionId);
      return false;
    }
  }

  private void handleFrame(String frame, long receivedNanos) {
    if (state == State.HANDED_OVER) {
      handedTo.receive(frame);
      return;
    }
    if (state == State.CLOSED) {
      return;
    }
    Signal signal;
    try {
      signal = codec.decode(frame);
    } catch (SignalDecodeException e) {
      hub.metrics().malformedFrame();
      send(new SignalError(null, ErrorCode.MALFORMED_MESSAGE, "Malformed message: " + e.getMessage() + "."));
      return;
    }
    if (state == State.AWAITING_HELLO && !(signal instanceof Hello)) {
      send(new SignalError(null, ErrorCode.HELLO_REQUIRED, "The first message must be hello."));
      return;
    }
    switch (signal) {
      case Hello hello -> onHello(hello);
      case JoinRequest join -> onJoin(join, receivedNanos);
      case LeaveRequest leave -> onLeave(leave);
      case PublishOffer offer -> onPublishOffer(offer);
      case SubscribeAnswer answer -> onSubscribeAnswer(answer);
      case SetMediaState media -> onSetMediaState(media);
      case StartRecording start -> onStartRecording(start);
      case StopRecording stop -> onStopRecording(stop);
      case QualityReport report -> onQualityReport(report);
      case ChatSend chat -> onChatSend(chat);
      case Heartbeat _ -> onHeartbeat();
      case AdmitRequest admit -> onAdmit(admit);
      case DenyRequest deny -> onDeny(deny);
      case StopMediaRequest stop -> onStopMedia(stop);
      case MuteAllRequest muteAll -> onMuteAll(muteAll);
      case RemoveParticipantRequest remove -> onRemove(remove);
      case EndMeetingRequest end -> onEndMeeting(end);
      case TransferHostRequest transfer -> onTransferHost(transfer);
      case LockRoomRequest lock -> onLock(lock);
      case RaiseHand hand -> onRaiseHand(hand);
      case SendReaction reaction -> onSendReaction(reaction);
      case ResumeRequest resume -> onResume(resume);
      case ReceiveSettings settings -> onReceiveSettings(settings);
      case Welcome _, Joined _, Left _, PublishAnswer _, SubscribeOffer _, TrackPublished _,
          TrackUnpublished _, ParticipantJoined _, ParticipantLeft _, ParticipantUpdated _, SignalError _,
          Waiting _, WaitingRoomUpdated _, MediaStopped _, RoomUpdated _, RecordingStarted _, RecordingStopped _,
          ChatMessage _, ChatHistory _, ReactionReceived _, Resumed _, DominantSpeaker _, WaitingRoomChanged _ ->
          send(new SignalError(null, ErrorCode.MALFORMED_MESSAGE, "That message type is sent by the server only."));
    }
  }

  private void onHello(Hello hello) {
    if (state != State.AWAITING_HELLO) {
      send(new SignalError(null, ErrorCode.MALFORMED_MESSAGE, "hello was already received."));
      return;
    }
    if (hello.protocolVersion() != Hello.PROTOCOL_VERSION) {
      send(
          new SignalError(
              null,
              ErrorCode.PROTOCOL_VERSION_UNSUPPORTED,
              "Protocol version " + hello.protocolVersion() + " is not supported; this server speaks "
                  + Hello.PROTOCOL_VERSION + "."));
      ws.close(UNSUPPORTED_VERSION);
      return;
    }
    state = State.READY;
    deviceType = deviceTypeOf(hello.client());
    waitingRoomDeltas = hello.supports(Hello.WAITING_ROOM_DELTAS);
    send(new Welcome(Hello.PROTOCOL_VERSION, connectionId, userId, resumables.pingInterval().toMillis()));
    hub.webRtc().putPresence(userId, "online", null, deviceType);
  }

  /// A fresh socket asks to continue an existing participant; see [#resumeOnto].
  private void onResume(ResumeRequest request) {
    if (state != State.READY) {
      send(new SignalError(request.requestId(), ErrorCode.ALREADY_JOINED, "This connection is already in a meeting."));
      return;
    }
    SignalingSession target = resumables.find(request.participantId()).orElse(null);
    boolean resumed = target != null && target != this && awaitResume(target.resumeOnto(ws, userId, request));
    if (!resumed) {
      resumables.metrics().resume(SignalingMetrics.ResumeOutcome.REJECTED);
      LOG.info("Resume refused userId={} participantId={}", userId, request.participantId());
      send(new SignalError(request.requestId(), ErrorCode.RESUME_REJECTED, "This call can no longer be resumed."));
      return;
    }
    handedTo = target;
    state = State.HANDED_OVER;
    serial.shutdown();
  }

  private static boolean awaitResume(CompletableFuture<Boolean> outcome) {
    try {
      return outcome.get(RESUME_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private void onJoin(JoinRequest join, long receivedNanos) {
    if (state == State.JOINED || state == State.WAITING) {
      send(new SignalError(join.requestId(), ErrorCode.ALREADY_JOINED, "This connection is already in a meeting."));
      return;
    }
    RoomHub.Admission admission = hub.admit(this, join);
    handleAdmission(join, admission);
    if (admission instanceof RoomHub.Admission.Admitted) {
      hub.metrics().joined(receivedNanos);
    }
  }

  private void handleAdmission(JoinRequest join, RoomHub.Admission admission) {
    switch (admission) {
      case RoomHub.Admission.Refused refused ->
          send(new SignalError(join.requestId(), refused.code(), refused.message(), refused.retryAfterMillis()));
      case RoomHub.Admission.Waiting waiting -> {
        state = State.WAITING;
        waitingRoom = waiting.room();
        pendingJoin = join;
        send(new Waiting(join.requestId(), waiting.room().meetingId(), waiting.room().title(), waiting.waitingId()));
      }
      case RoomHub.Admission.Admitted admitted -> {
        room = admitted.room();
        participantId = admitted.self().participantId();
        state = State.JOINED;
        sfuParticipant = room.sfuRoom().join(participantId, this);
        resumeToken = ResumeToken.next();
        resumables.register(participantId, this);
        send(
            new Joined(
                join.requestId(),
                room.meetingId(),
                room.title(),
                participantId,
                room.participantsExcept(participantId),
                room.tracksExcept(participantId),
                resumeToken));
        send(new ParticipantUpdated(admitted.self()));
        send(room.rules());
        if (admitted.mutedOnEntry()) {
          send(new MediaStopped(MediaSource.MICROPHONE, "mute-on-entry"));
        }
        if (room.isModerator(participantId)) {
          send(room.waitingRoomFor(this));
        }
        room.broadcastExcept(participantId, new ParticipantJoined(admitted.self()));
        RecordingStarted recording = room.recording();
        if (recording != null) {
          send(recording);
        }
        if (room.chatAllowed()) {
          send(new ChatHistory(hub.chatHistory(room).stream().map(StoredChat::toEntry).toList()));
        }
        hub.webRtc().putPresence(userId, "in_meeting", java.util.UUID.fromString(room.meetingId()), deviceType);
      }
    }
  }

  /// A moderator admitted this waiting joiner; `from` holds a place reserved for it.
  void admittedFromWaitingRoom(LiveRoom from) {
    boolean queued =
        tryRun(
            () -> {
              if (state != State.WAITING || waitingRoom != from) {
                hub.releaseAdmission(from, userId);
                return;
              }
              JoinRequest join = pendingJoin;
              clearWaiting();
              handleAdmission(join, hub.enterFromWaitingRoom(this, from, join));
            });
    if (!queued) {
      hub.releaseAdmission(from, userId);
    }
  }

  /// A moderator turned this waiting joiner away.
  void deniedFromWaitingRoom(LiveRoom from) {
    run(
        () -> {
          if (state == State.WAITING && waitingRoom == from) {
            String requestId = pendingJoin.requestId();
            clearWaiting();
            send(new SignalError(requestId, ErrorCode.ADMISSION_DENIED, "The host did not let you in."));
          }
        });
  }

  /// The waiting room was closed under this joiner (the meeting ended).
  void sendAway(LiveRoom from, String reason) {
    run(
        () -> {
          if (state == State.WAITING && waitingRoom == from) {
            clearWaiting();
            send(new Left(null, reason));
          }
        });
  }

  private void leaveWaitingRoom() {
    LiveRoom from = waitingRoom;
    clearWaiting();
    hub.leaveWaitingRoom(from, connectionId, userId);
  }

  private void clearWaiting() {
    waitingRoom = null;
    pendingJoin = null;
    state = State.READY;
  }

  private void onLeave(LeaveRequest leave) {
    if (state == State.WAITING) {
      leaveWaitingRoom();
      send(new Left(leave.requestId(), "left"));
      return;
    }
    if (state != State.JOINED) {
      send(new SignalError(leave.requestId(), ErrorCode.NOT_JOINED, "This connection is not in a meeting."));
      return;
    }
    leaveRoom("left");
    send(new Left(leave.requestId(), "left"));
  }

  /// Removes this participant from the room by the server's decision (host removal, meeting end).
  void removeFromRoom(String reason) {
    run(
        () -> {
          if (state == State.JOINED) {
            hub.recordHostAction(room, participantId, reason);
            leaveRoom(reason);
            send(new Left(null, reason));
          }
        });
  }

  private void leaveRoom(String reason) {
    LiveRoom leaving = room;
    String leavingId = participantId;
    room = null;
    participantId = null;
    state = State.READY;
    resumeToken = null;
    resumables.forget(leavingId, this);
    if (sfuParticipant != null) {
      leaving.sfuRoom().leave(leavingId);
      sfuParticipant = null;
    }
    hub.leave(leaving, leavingId, reason);
    lastSubscribeOffer = null;
    if (!"disconnected".equals(reason)) {
      hub.webRtc().putPresence(userId, "online", null, deviceType);
    }
  }

  private void onPublishOffer(PublishOffer offer) {
    if (state != State.JOINED) {
      send(new SignalError(offer.requestId(), ErrorCode.NOT_JOINED, "Join a meeting before publishing."));
      return;
    }
    if (!room.maySharescreen(participantId, offer.sources())) {
      send(new SignalError(offer.requestId(), ErrorCode.FORBIDDEN, "Screen sharing is not allowed in this meeting."));
      return;
    }
    room.declareSources(participantId, offer.sources());
    try {
      String answer = sfuParticipant.acceptPublisherOffer(offer.sdp());
      room.participant(participantId).ifPresent(info -> TrackForwarding.apply(room, info));
      send(new PublishAnswer(offer.requestId(), answer));
      hub.autoRecord(room);
      hub.webRtc().putExchange(connectionId + "-publish", offer.sdp(), answer);
    } catch (SdpException e) {
      send(new SignalError(offer.requestId(), ErrorCode.SDP_REJECTED, "The SDP offer was rejected: " + e.getMessage()));
    }
  }

  private void onSubscribeAnswer(SubscribeAnswer answer) {
    if (state != State.JOINED) {
      send(new SignalError(null, ErrorCode.NOT_JOINED, "Join a meeting first."));
      return;
    }
    if (answer.revision() != subscribeRevision) {
      send(
          new SignalError(
              null, ErrorCode.STALE_ANSWER, "Answer revision " + answer.revision() + " is not the outstanding offer."));
      return;
    }
    try {
      sfuParticipant.acceptSubscriberAnswer(answer.sdp());
      if (lastSubscribeOffer != null) {
        hub.webRtc().putExchange(connectionId + "-subscribe", lastSubscribeOffer, answer.sdp());
      }
    } catch (SdpException e) {
      send(new SignalError(null, ErrorCode.SDP_REJECTED, "The SDP answer was rejected: " + e.getMessage()));
    }
  }

  private void onSetMediaState(SetMediaState media) {
    if (state != State.JOINED) {
      send(new SignalError(media.requestId(), ErrorCode.NOT_JOINED, "Join a meeting first."));
      return;
    }
    ParticipantInfo before = room.participant(participantId).orElseThrow();
    ParticipantInfo updated = room.updateMediaState(participantId, media);
    TrackForwarding.apply(room, updated);
    room.broadcast(new ParticipantUpdated(updated));
    hub.recordMediaChanges(room, before, updated);
  }

  private void onRaiseHand(RaiseHand hand) {
    if (state != State.JOINED) {
      send(new SignalError(hand.requestId(), ErrorCode.NOT_JOINED, "Join a meeting first."));
      return;
    }
    // compared with the state when the token arrives, not now: earlier changes may still wait for theirs
    whenAllowed(RateLimitedAction.HAND, hand.requestId(), "You raised and lowered your hand too often.", () -> {
      if (room.participant(participantId).orElseThrow().handRaised() == hand.raised()) {
        return;
      }
      ParticipantInfo updated = room.setHandRaised(participantId, hand.raised());
      room.broadcast(new ParticipantUpdated(updated));
      hub.recordHandChange(room, updated);
    });
  }

  /// Runs `then` on this session's thread once `action`'s bucket for this user in this meeting gave a token
  /// (docs/decisions/093-rate-limits.md); otherwise answers [ErrorCode#RATE_LIMITED] with the wait. The bucket is
  /// asked without blocking this thread (at most the Redis deadline, then node-local buckets); nothing runs when
  /// the participant left the room meanwhile.
  private void whenAllowed(RateLimitedAction action, String requestId, String refusal, Runnable then) {
    CompletableFuture<RateVerdict> verdict = hub.buckets().take(action, room.meetingId() + ":" + userId);
    pendingVerdicts.add(new PendingVerdict(verdict, room, action, requestId, refusal, then));
    verdict.whenComplete((ignored, error) -> run(this::applyVerdicts));
  }

  /// Applies the bucket verdicts that are in, in the order the requests came: the checks run in parallel, but a
  /// sender's chat must keep its order even when one check waited for Redis and a later one did not (a message
  /// sent just before Redis died answered after the ones sent just after it). Session thread only.
  private void applyVerdicts() {
    while (!pendingVerdicts.isEmpty() && pendingVerdicts.peek().verdict().isDone()) {
      PendingVerdict pending = pendingVerdicts.poll();
      RateVerdict verdict = pending.verdict().isCompletedExceptionally() ? null : pending.verdict().getNow(null);
      if (state != State.JOINED || room != pending.room() || verdict == null) {
        continue;
      }
      if (verdict.allowed()) {
        pending.then().run();
      } else {
        hub.metrics().rateLimited(pending.action());
        send(new SignalError(pending.requestId(), ErrorCode.RATE_LIMITED, pending.refusal(),
            verdict.retryAfterMillis()));
      }
    }
  }

  /// A rate-limited request waiting for its bucket's verdict.
  private record PendingVerdict(CompletableFuture<RateVerdict> verdict, LiveRoom room, RateLimitedAction action,
      String requestId, String refusal, Runnable then) {}

  /// Relays a reaction to everyone (the sender included); ephemeral, nothing stored. Refused with
  /// `REACTIONS_DISABLED` when the meeting's `allowReactions` is false, and with `RATE_LIMITED` beyond the
  /// `reaction` bucket (decision 093).
  private void onSendReaction(SendReaction reaction) {
    if (state != State.JOINED) {
      send(new SignalError(reaction.requestId(), ErrorCode.NOT_JOINED, "Join a meeting first."));
      return;
    }
    if (!room.reactionsAllowed()) {
      send(new SignalError(reaction.requestId(), ErrorCode.REACTIONS_DISABLED,
          "Reactions are turned off in this meeting."));
      return;
    }
    whenAllowed(RateLimitedAction.REACTION, reaction.requestId(), "Too many reactions; wait a moment.",
        () -> room.broadcast(new ReactionReceived(participantId, reaction.emoji())));
  }

  private void onQualityReport(QualityReport report) {
    if (state != State.JOINED) {
      send(new SignalError(null, ErrorCode.NOT_JOINED, "Join a meeting before reporting call quality."));
      return;
    }
    hub.recordQuality(room, participantId, report);
  }

  private void onChatSend(ChatSend chat) {
    if (state != State.JOINED) {
      send(new SignalError(chat.clientMessageId(), ErrorCode.NOT_JOINED, "Join a meeting before chatting."));
      return;
    }
    if (!room.chatAllowed()) {
      send(new SignalError(chat.clientMessageId(), ErrorCode.CHAT_DISABLED, "Chat is turned off in this meeting."));
      return;
    }
    whenAllowed(RateLimitedAction.CHAT, chat.clientMessageId(), "Too many chat messages; wait a moment.",
        () -> storeChat(chat));
  }

  private void storeChat(ChatSend chat) {
    // stored off this thread (deadline: convene.chat.store-deadline); the answer comes back through the queue,
    // so the sender's other messages are handled meanwhile (docs/decisions/024)
    hub.sendChat(room, participantId, chat).whenComplete((stored, error) -> run(() -> {
      if (stored != null) {
        send(new ChatMessage(stored.toEntry()));
      } else {
        Throwable cause = error instanceof CompletionException c ? c.getCause() : error;
        send(new SignalError(chat.clientMessageId(), ErrorCode.SERVICE_UNAVAILABLE,
            cause instanceof ChatException e ? e.getMessage() : "The message could not be saved; send it again."));
      }
    }));
  }

  private void onHeartbeat() {
    if (state == State.JOINED) {
      hub.webRtc().putPresence(userId, "in_meeting", java.util.UUID.fromString(room.meetingId()), deviceType);
    } else {
      hub.webRtc().putPresence(userId, "online", null, deviceType);
    }
  }

  // ---- host controls: moderators only ----

  /// Whether this session may use host controls now; answers the typed refusal when not.
  private boolean moderator(String requestId) {
    if (state != State.JOINED) {
      send(new SignalError(requestId, ErrorCode.NOT_JOINED, "Join a meeting first."));
      return false;
    }
    if (!room.isModerator(participantId)) {
      send(new SignalError(requestId, ErrorCode.FORBIDDEN, "Only the host can do that."));
      return false;
    }
    return true;
  }

  private void notFound(String requestId) {
    send(new SignalError(requestId, ErrorCode.PARTICIPANT_NOT_FOUND, "That participant is not in the meeting."));
  }

  private void onAdmit(AdmitRequest admit) {
    if (!moderator(admit.requestId())) {
      return;
    }
    Optional<LiveRoom.Waiter> waiter;
    try {
      waiter = room.admitWaiter(admit.waitingId());
    } catch (LiveRoom.RoomFullException e) {
      send(new SignalError(admit.requestId(), ErrorCode.MEETING_FULL, "This meeting is full."));
      return;
    }
    if (waiter.isEmpty()) {
      send(new SignalError(admit.requestId(), ErrorCode.PARTICIPANT_NOT_FOUND, "Nobody waits under that id."));
      return;
    }
    LOG.info("Admitted from waiting room meetingId={} userId={} by={}", room.meetingId(),
        waiter.get().info().userId(), userId);
    hub.afterWaitingRoomChange(room, waiter.get().info().userId());
    waiter.get().session().admittedFromWaitingRoom(room);
  }

  private void onDeny(DenyRequest deny) {
    if (!moderator(deny.requestId())) {
      return;
    }
    Optional<LiveRoom.Waiter> waiter = room.takeWaiter(deny.waitingId());
    if (waiter.isEmpty()) {
      send(new SignalError(deny.requestId(), ErrorCode.PARTICIPANT_NOT_FOUND, "Nobody waits under that id."));
      return;
    }
    LOG.info("Denied from waiting room meetingId={} userId={} by={}", room.meetingId(),
        waiter.get().info().userId(), userId);
    hub.afterWaitingRoomChange(room, waiter.get().info().userId());
    waiter.get().session().deniedFromWaitingRoom(room);
  }

  private void onStopMedia(StopMediaRequest stop) {
    if (!moderator(stop.requestId())) {
      return;
    }
    if (!stopMedia(stop.participantId(), stop.source())) {
      notFound(stop.requestId());
    }
  }

  private void onMuteAll(MuteAllRequest muteAll) {
    if (!moderator(muteAll.requestId())) {
      return;
    }
    hub.recordHostAction(room, participantId, "mute-all");
    for (ParticipantInfo other : room.participantsExcept(participantId)) {
      if (!other.audioMuted()) {
        stopMedia(other.participantId(), MediaSource.MICROPHONE);
      }
    }
  }

  /// Marks `source` of `target` off, tells everyone and asks the target's client to stop the track.
  private boolean stopMedia(String target, MediaSource source) {
    Optional<ParticipantInfo> updated = room.markMediaOff(target, source);
    Optional<SignalingSession> session = room.sessionOf(target);
    if (updated.isEmpty() || session.isEmpty()) {
      return false;
    }
    hub.recordMediaOff(room, updated.get(), source);
    TrackForwarding.apply(room, updated.get());
    session.get().deliver(new MediaStopped(source, "host"));
    room.broadcast(new ParticipantUpdated(updated.get()));
    return true;
  }

  private void onRemove(RemoveParticipantRequest remove) {
    if (!moderator(remove.requestId())) {
      return;
    }
    if (remove.participantId().equals(participantId)) {
      send(new SignalError(remove.requestId(), ErrorCode.FORBIDDEN, "Use leave to leave the meeting yourself."));
      return;
    }
    Optional<ParticipantInfo> target = room.participant(remove.participantId());
    Optional<SignalingSession> session = room.sessionOf(remove.participantId());
    if (target.isEmpty() || session.isEmpty()) {
      notFound(remove.requestId());
      return;
    }
    room.banUser(target.get().userId());
    LOG.info("Participant removed meetingId={} participantId={} by={}", room.meetingId(), remove.participantId(),
        userId);
    session.get().removeFromRoom("removed");
  }

  private void onEndMeeting(EndMeetingRequest end) {
    if (!moderator(end.requestId())) {
      return;
    }
    hub.endMeeting(room, this);
    leaveRoom("meeting-ended");
    send(new Left(end.requestId(), "meeting-ended"));
  }

  private void onTransferHost(TransferHostRequest transfer) {
    if (!moderator(transfer.requestId())) {
      return;
    }
    if (room.participant(transfer.participantId()).isEmpty()) {
      notFound(transfer.requestId());
      return;
    }
    List<ParticipantInfo> changed = room.handOverHost(transfer.participantId());
    hub.recordHostAction(room, transfer.participantId(), "transfer-host");
    LOG.info("Host handed over meetingId={} to={} by={}", room.meetingId(), transfer.participantId(), userId);
    changed.forEach(p -> room.broadcast(new ParticipantUpdated(p)));
    room.sessionOf(transfer.participantId())
        .ifPresent(s -> s.deliver(room.waitingRoomFor(s)));
  }

  private void onLock(LockRoomRequest lock) {
    if (!moderator(lock.requestId())) {
      return;
    }
    room.setLocked(lock.locked());
    hub.recordHostAction(room, participantId, lock.locked() ? "lock" : "unlock");
    LOG.info("Room {} meetingId={} by={}", lock.locked() ? "locked" : "unlocked", room.meetingId(), userId);
    room.broadcast(room.rules());
  }

  private void onStartRecording(StartRecording start) {
    if (!mayControlRecording(start.requestId())) {
      return;
    }
    try {
      hub.startRecording(room, java.util.UUID.fromString(userId), false);
    } catch (ProblemException e) {
      send(new SignalError(start.requestId(), recordingError(e), e.getMessage()));
    }
  }

  private void onStopRecording(StopRecording stop) {
    if (!mayControlRecording(stop.requestId())) {
      return;
    }
    try {
      hub.stopRecording(room);
    } catch (ProblemException e) {
      send(new SignalError(stop.requestId(), recordingError(e), e.getMessage()));
    }
  }

  /// Only the meeting's host controls recording over signaling; admins use REST.
  private boolean mayControlRecording(String requestId) {
    if (state != State.JOINED) {
      send(new SignalError(requestId, ErrorCode.NOT_JOINED, "Join a meeting first."));
      return false;
    }
    if (!room.hostUserId().equals(userId)) {
      send(new SignalError(requestId, ErrorCode.FORBIDDEN, "Only the host can start or stop recording."));
      return false;
    }
    return true;
  }

  private static ErrorCode recordingError(ProblemException e) {
    return switch (e.type()) {
      case RECORDING_DISABLED -> ErrorCode.RECORDING_DISABLED;
      case RECORDING_ALREADY_RUNNING -> ErrorCode.RECORDING_ALREADY_RUNNING;
      case RECORDING_NOT_RUNNING -> ErrorCode.RECORDING_NOT_RUNNING;
      case FORBIDDEN -> ErrorCode.FORBIDDEN;
      default -> ErrorCode.INTERNAL_ERROR;
    };
  }

  // SfuListener: called on SFU threads, so each hops onto this session's serial executor.

  @Override
  public void onSubscriberOffer(String sdpOffer) {
    run(
        () -> {
          if (state == State.JOINED) {
            subscribeRevision++;
            lastSubscribeOffer = sdpOffer;
            send(new SubscribeOffer(subscribeRevision, sdpOffer));
          }
        });
  }

  @Override
  public void onDominantSpeaker(String speakerId) {
    run(
        () -> {
          if (state == State.JOINED) {
            send(new DominantSpeaker(speakerId));
          }
        });
  }

  /// Applies a client's receive settings to its SFU subscription: each track gets the simulcast layer that fits
  /// its tile ([VideoLayers#forHeight]); settings before joining or for tracks it does not receive are ignored.
  private void onReceiveSettings(ReceiveSettings settings) {
    SfuParticipant subscriber = sfuParticipant;
    if (state != State.JOINED || subscriber == null) {
      return;
    }
    for (TrackReceiveSetting track : settings.tracks()) {
      subscriber.setMaxLayer(track.participantId(), track.trackId(), VideoLayers.forHeight(track.maxHeight()));
    }
  }

  @Override
  public void onTrackPublished(PublishedTrack track) {
    run(
        () -> {
          if (state == State.JOINED && !track.participantId().equals(participantId)) {
            send(new TrackPublished(room.trackInfo(track)));
          }
        });
  }

  @Override
  public void onTrackUnpublished(PublishedTrack track) {
    run(
        () -> {
          if (state == State.JOINED && !track.participantId().equals(participantId)) {
            send(new TrackUnpublished(room.trackInfo(track)));
          }
        });
  }

  private void send(Signal signal) {
    if (missed != null) {
      missed.add(signal);
      return;
    }
    if (!ws.isOpen()) {
      return;
    }
    try {
      ws.sendSync(codec.encode(signal));
    } catch (Exception e) {
      // Netty rethrows a failed write's cause unchecked, even a checked ClosedChannelException (socket gone)
      LOG.debug("signaling send failed connectionId={}: {}", connectionId, e.toString());
    }
  }
}
