package com.convene.backend.signaling;

import com.convene.backend.chat.ChatException;
import com.convene.backend.chat.StoredChat;
import com.convene.model.signal.ChatHistory;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Heartbeat;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.PublishAnswer;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.QualityReport;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalDecodeException;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.SubscribeAnswer;
import com.convene.model.signal.SubscribeOffer;
import com.convene.model.signal.TrackPublished;
import com.convene.model.signal.TrackUnpublished;
import com.convene.model.signal.Welcome;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SdpException;
import com.convene.sfu.SfuListener;
import com.convene.sfu.SfuParticipant;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One signaling connection's state machine: `AWAITING_HELLO -> READY -> JOINED -> READY ... -> CLOSED`.
///
/// Thread confinement: every frame, every SFU callback and every message from other sessions runs on this
/// session's own serial executor (one virtual thread), so state needs no locks and outgoing frames keep their
/// order. Work here may block (JDBC, Redis); the Netty event loop never waits for it.
final class SignalingSession implements SfuListener {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingSession.class);
  /// Close code for an unsupported protocol version (4xxx: application-defined, RFC 6455 §7.4.2).
  static final CloseReason UNSUPPORTED_VERSION = new CloseReason(4400, "unsupported protocol version");

  private enum State { AWAITING_HELLO, READY, JOINED, CLOSED }

  private final WebSocketSession ws;
  private final SignalCodec codec;
  private final RoomHub hub;
  private final String connectionId;
  private final String userId;
  private final String remoteAddress;
  private final String userAgent;
  private final ExecutorService serial =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("signaling-", 0).factory());

  private State state = State.AWAITING_HELLO;
  private LiveRoom room;
  private String participantId;
  private SfuParticipant sfuParticipant;
  private int subscribeRevision;
  private String lastSubscribeOffer;
  private String deviceType = "other";

  SignalingSession(
      WebSocketSession ws, SignalCodec codec, RoomHub hub, String userId, String remoteAddress, String userAgent) {
    this.ws = ws;
    this.codec = codec;
    this.hub = hub;
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
    run(() -> handleFrame(frame));
  }

  /// Queues a message for this client. Safe from any thread; order is kept per session.
  void deliver(Signal signal) {
    run(() -> send(signal));
  }

  /// The socket closed (client went away or we closed it): leave the room if in one.
  void closed() {
    run(
        () -> {
          if (state == State.JOINED) {
            leaveRoom("disconnected");
          }
          if (state != State.AWAITING_HELLO) {
            hub.webRtc().removePresence(userId);
          }
          state = State.CLOSED;
        });
    serial.shutdown();
  }

  /// Closes the socket from the server side with `reason`.
  void closeSocket(CloseReason reason) {
    run(() -> ws.close(reason));
  }

  private void run(Runnable task) {
    try {
      serial.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("signaling task failed connectionId={}", connectionId, e);
              send(new SignalError(null, ErrorCode.INTERNAL_ERROR, "The server could not handle that message."));
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("signaling session already closed connectionId={}", connectionId);
    }
  }

  private void handleFrame(String frame) {
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
      case JoinRequest join -> onJoin(join);
      case LeaveRequest leave -> onLeave(leave);
      case PublishOffer offer -> onPublishOffer(offer);
      case SubscribeAnswer answer -> onSubscribeAnswer(answer);
      case SetMediaState media -> onSetMediaState(media);
      case QualityReport report -> onQualityReport(report);
      case ChatSend chat -> onChatSend(chat);
      case Heartbeat _ -> onHeartbeat();
      case Welcome _, Joined _, Left _, PublishAnswer _, SubscribeOffer _, TrackPublished _,
          TrackUnpublished _, ParticipantJoined _, ParticipantLeft _, ParticipantUpdated _, SignalError _,
          ChatMessage _, ChatHistory _ ->
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
    send(new Welcome(Hello.PROTOCOL_VERSION, connectionId, userId));
    hub.webRtc().putPresence(userId, "online", null, deviceType);
  }

  private void onJoin(JoinRequest join) {
    if (state == State.JOINED) {
      send(new SignalError(join.requestId(), ErrorCode.ALREADY_JOINED, "This connection is already in a meeting."));
      return;
    }
    RoomHub.Admission admission = hub.admit(this, join);
    switch (admission) {
      case RoomHub.Admission.Refused refused ->
          send(new SignalError(join.requestId(), refused.code(), refused.message()));
      case RoomHub.Admission.Admitted admitted -> {
        room = admitted.room();
        participantId = admitted.self().participantId();
        state = State.JOINED;
        sfuParticipant = room.sfuRoom().join(participantId, this);
        send(
            new Joined(
                join.requestId(),
                room.meetingId(),
                room.title(),
                participantId,
                room.participantsExcept(participantId),
                room.tracksExcept(participantId)));
        room.broadcastExcept(participantId, new ParticipantJoined(admitted.self()));
        if (room.allowChat()) {
          send(new ChatHistory(hub.chatHistory(room).stream().map(StoredChat::toEntry).toList()));
        }
        hub.webRtc().putPresence(userId, "in_meeting", java.util.UUID.fromString(room.meetingId()), deviceType);
      }
    }
  }

  private void onLeave(LeaveRequest leave) {
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
      send(new PublishAnswer(offer.requestId(), answer));
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
    ParticipantInfo before = room.participant(participantId);
    ParticipantInfo updated = room.updateMediaState(participantId, media);
    room.broadcast(new ParticipantUpdated(updated));
    hub.recordMediaChanges(room, before, updated);
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
    if (!room.allowChat()) {
      send(new SignalError(chat.clientMessageId(), ErrorCode.CHAT_DISABLED, "Chat is turned off in this meeting."));
      return;
    }
    try {
      hub.sendChat(room, participantId, chat);
    } catch (ChatException e) {
      send(new SignalError(chat.clientMessageId(), ErrorCode.INTERNAL_ERROR, e.getMessage()));
    }
  }

  private void onHeartbeat() {
    if (state == State.JOINED) {
      hub.webRtc().putPresence(userId, "in_meeting", java.util.UUID.fromString(room.meetingId()), deviceType);
    } else {
      hub.webRtc().putPresence(userId, "online", null, deviceType);
    }
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
    if (!ws.isOpen()) {
      return;
    }
    try {
      ws.sendSync(codec.encode(signal));
    } catch (RuntimeException e) {
      LOG.debug("signaling send failed connectionId={}: {}", connectionId, e.toString());
    }
  }
}
