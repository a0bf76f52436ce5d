package com.convene.desktop.call;

import com.convene.desktop.media.LocalTrack;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.model.signal.ChatEntry;
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
import com.convene.model.signal.MediaKind;
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
import com.convene.model.signal.RaiseHand;
import com.convene.model.signal.ReactionReceived;
import com.convene.model.signal.ReceiveSettings;
import com.convene.model.signal.SendReaction;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.StopMediaRequest;
import com.convene.model.signal.SubscribeAnswer;
import com.convene.model.signal.SubscribeOffer;
import com.convene.model.signal.TrackInfo;
import com.convene.model.signal.TrackPublished;
import com.convene.model.signal.TrackReceiveSetting;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.TrackUnpublished;
import com.convene.model.signal.TransferHostRequest;
import com.convene.model.signal.Waiting;
import com.convene.model.signal.WaitingParticipant;
import com.convene.model.signal.WaitingRoomChanged;
import com.convene.model.signal.WaitingRoomUpdated;
import com.convene.model.signal.Welcome;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStream;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One participation in a meeting: signaling handshake, the publish PeerConnection with our tracks, the
/// subscribe PeerConnection answering the SFU's offers, per-participant measurements, screen share, leave.
///
/// Flow (docs/decisions/002-two-peer-connections.md): `Hello` → `Welcome` → `JoinRequest` → [`Waiting` until a
/// host admits us →] `Joined` →
/// `PublishOffer` → `PublishAnswer`; the SFU sends `SubscribeOffer` (one sendonly m-line per remote track,
/// `a=msid:<participantId> <trackId>`) whenever tracks change and we answer with `SubscribeAnswer`. The SFU is
/// ICE-lite and takes no trickled candidates, so every SDP we send waits for host candidate gathering.
///
/// A signaling socket lost after joining is repaired by [SignalingReconnector] (resume as the same participant,
/// docs/decisions/080-signaling-resume.md); meanwhile the "reconnecting" flag is up, as for a media outage.
///
/// All state is confined to one session thread; public methods hand work to it and return futures.
/// webrtc-java calls are made only from that thread, never from inside a webrtc-java callback.
///
/// Size: over 500 lines because it is the whole client side of one call (signaling, both peer connections,
/// publishing, subscribing, host controls, reconnection); issue 16 asks to split it into those four parts.
public final class CallSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);
  private static final long LEAVE_TIMEOUT_MILLIS = 3_000;
  private static final long STATS_PERIOD_MILLIS = 1_000;
  /// Period of [QualityReport]s to the server, in ms (issue 4: every 5 s).
  private static final long QUALITY_PERIOD_MILLIS = 5_000;
  private static final int SCREEN_FPS = 10;
  /// Period of [Heartbeat]s, in ms: the server keeps `presence:{user_id}` for 300 s (seed 000).
  private static final long HEARTBEAT_PERIOD_MILLIS = 60_000;
  /// Wait after a publish answer before stopping the audio module's capture, in ms.
  private static final long AUDIO_SETTLE_MILLIS = 300;

  private final CallConfig config;
  private final MediaEngine engine;
  private final CallListener listener;
  private final ScheduledExecutorService executor;
  private final CompletableFuture<Joined> joined = new CompletableFuture<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private final Map<String, ParticipantInfo> participants = new ConcurrentHashMap<>();
  private final Map<String, RemoteMeter> meters = new ConcurrentHashMap<>();
  private final Map<String, TrackInfo> remoteTrackInfos = new LinkedHashMap<>();
  private final Map<String, RemoteTrack> remoteTracks = new LinkedHashMap<>();
  /// Receivers currently carrying each remote track id. The SFU may move a track to a new m-line (the publisher
  /// renegotiated it); libwebrtc reports the new receiver before it removes the old one, both with the same id.
  private final Map<String, Integer> receiversPerTrack = new LinkedHashMap<>();
  /// Publisher of each remote track id by the subscribe offer's `a=msid`, for [#reconcileReceivers].
  private final Map<String, String> remoteStreamOwners = new LinkedHashMap<>();
  private final MediaLinkMonitor mediaLink = new MediaLinkMonitor(this::reportReconnecting);
  private final MediaSetupWatch mediaSetup = new MediaSetupWatch(this::reportMediaUnreachable);
  private final Map<String, LocalTrack> localTracks = new LinkedHashMap<>();
  private final Map<String, RTCRtpSender> senders = new LinkedHashMap<>();
  /// Sends the camera in three simulcast layers when the `simulcast` setting is on (decision 100).
  private final SimulcastOffer simulcastOffer = new SimulcastOffer();
  private final InboundBitrate inboundBitrate = new InboundBitrate();

  private @Nullable SignalingChannel channel;
  private @Nullable SignalingReconnector reconnector;
  /// The two reasons for "reconnecting": the media link ([MediaLinkMonitor]) and the signaling socket.
  private boolean mediaDown;
  private boolean signalingDown;
  private @Nullable RTCPeerConnection publishPc;
  private @Nullable RTCPeerConnection subscribePc;
  private @Nullable LocalTrack audioTrack;
  private @Nullable LocalTrack videoTrack;
  /// The camera [#videoTrack] comes from, readable from any thread; null for a pattern, file, screen or none.
  private volatile @Nullable String cameraInUse;
  private @Nullable LocalTrack screenTrack;
  private @Nullable ScheduledFuture<?> statsTask;
  private @Nullable ScheduledFuture<?> qualityTask;
  private @Nullable ScheduledFuture<?> heartbeatTask;
  private final java.util.Set<String> chatSeen = new java.util.HashSet<>();
  private final List<ChatEntry> chat = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final QualityReporter qualityReporter = new QualityReporter();
  private @Nullable String joinRequestId;
  private @Nullable String pendingPublishRequestId;
  private @Nullable String leaveRequestId;
  private @Nullable String participantId;
  private volatile @Nullable ParticipantInfo self;
  private volatile List<WaitingParticipant> waitingRoom = List.of();
  private volatile @Nullable RoomUpdated roomRules;
  private volatile boolean waiting;
  private boolean publishDirty;
  private boolean audioMuted;
  private boolean videoMuted;
  private volatile long joinSentNanos;
  private volatile @Nullable String recordingId;
  private CompletableFuture<Void> subscribeChain = CompletableFuture.completedFuture(null);

  private CallSession(CallConfig config, MediaEngine engine, CallListener listener) {
    this.config = config;
    this.engine = engine;
    this.listener = listener;
    this.audioMuted = config.audioMuted();
    this.videoMuted = config.videoMuted();
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "call-session");
      thread.setDaemon(true);
      return thread;
    });
  }

  /// Creates the local tracks, connects signaling and joins. Returns at once; watch [#joined()].
  public static CallSession start(CallConfig config, MediaEngine engine, SignalingConnector connector,
      CallListener listener) {
    CallSession session = new CallSession(config, engine, listener);
    session.executor.execute(() -> session.connect(connector));
    return session;
  }

  /// Completes with the server's `Joined`, or fails with a [CallException] whose message is safe to show.
  public CompletableFuture<Joined> joined() {
    return joined;
  }

  /// Completes with the end reason once the call is over and everything is released.
  public CompletableFuture<String> ended() {
    return ended;
  }

  /// Our own participant id once joined.
  public Optional<String> participantId() {
    return Optional.ofNullable(participantId);
  }

  /// Whether we sit in the meeting's waiting room (joined() is still pending). Any thread.
  public boolean waiting() {
    return waiting;
  }

  /// Our own state as the room sees it (role, server-side mute) once joined. Any thread.
  public Optional<ParticipantInfo> self() {
    return Optional.ofNullable(self);
  }

  /// The waiting room as last sent to us (only hosts and admins get it). Any thread.
  public List<WaitingParticipant> waitingRoom() {
    return waitingRoom;
  }

  /// The room's rules as last sent, once joined. Any thread.
  public Optional<RoomUpdated> roomRules() {
    return Optional.ofNullable(roomRules);
  }

  // ---- host controls: the server answers FORBIDDEN (via CallListener#onError) unless we are host or admin ----

  /// Lets a waiting joiner in.
  public CompletableFuture<Void> admit(String waitingId) {
    return sendOnSession(() -> new AdmitRequest(newRequestId(), waitingId));
  }

  /// Turns a waiting joiner away.
  public CompletableFuture<Void> deny(String waitingId) {
    return sendOnSession(() -> new DenyRequest(newRequestId(), waitingId));
  }

  /// Turns off a participant's microphone (mute), camera or screen share.
  public CompletableFuture<Void> stopMediaOf(String targetParticipantId, MediaSource source) {
    return sendOnSession(() -> new StopMediaRequest(newRequestId(), targetParticipantId, source));
  }

  /// Mutes everyone else.
  public CompletableFuture<Void> muteAll() {
    return sendOnSession(() -> new MuteAllRequest(newRequestId()));
  }

  /// Removes a participant from the meeting.
  public CompletableFuture<Void> remove(String targetParticipantId) {
    return sendOnSession(() -> new RemoveParticipantRequest(newRequestId(), targetParticipantId));
  }

  /// Hands the host role to another participant.
  public CompletableFuture<Void> makeHost(String targetParticipantId) {
    return sendOnSession(() -> new TransferHostRequest(newRequestId(), targetParticipantId));
  }

  /// Locks or unlocks the room.
  public CompletableFuture<Void> setRoomLocked(boolean locked) {
    return sendOnSession(() -> new LockRoomRequest(newRequestId(), locked));
  }

  /// Ends the meeting for everyone; we get `Left(meeting-ended)` like the others.
  public CompletableFuture<Void> endMeeting() {
    return sendOnSession(() -> new EndMeetingRequest(newRequestId()));
  }

  /// Nanosecond timestamp (`System.nanoTime`) when the join request was sent, 0 before.
  public long joinSentNanos() {
    return joinSentNanos;
  }

  /// Measurements for every remote participant we have received media from or know about. Any thread.
  public List<ParticipantStats> stats() {
    List<ParticipantStats> result = new ArrayList<>();
    for (Map.Entry<String, RemoteMeter> entry : meters.entrySet()) {
      ParticipantInfo info = participants.get(entry.getKey());
      result.add(entry.getValue().snapshot(info == null ? entry.getKey() : info.displayName()));
    }
    return List.copyOf(result);
  }

  /// The remote participants currently in the room (excluding us). Any thread.
  public List<ParticipantInfo> participants() {
    return List.copyOf(participants.values());
  }

  /// Sends a chat message to the room. Completes once sent; the message itself comes back through
  /// [CallListener#onChatMessage] when the server has stored it.
  /// @param text 1–4,000 characters
  public CompletableFuture<Void> sendChat(String text) {
    ChatSend send = new ChatSend(newRequestId(), text);
    return onSession(() -> {
      if (participantId == null) {
        throw new IllegalStateException("not joined");
      }
      channel().send(send);
    });
  }

  /// The chat messages received so far (history first), each once. Any thread.
  public List<ChatEntry> chat() {
    return List.copyOf(chat);
  }

  /// Mutes or unmutes the microphone: disables the track and tells the room.
  public CompletableFuture<Void> setAudioMuted(boolean muted) {
    return onSession(() -> {
      audioMuted = muted;
      if (audioTrack != null) {
        audioTrack.setEnabled(!muted);
      }
      sendMediaState();
    });
  }

  /// Turns the camera off or on: disables the track (black frames) and tells the room.
  public CompletableFuture<Void> setVideoMuted(boolean muted) {
    return onSession(() -> {
      videoMuted = muted;
      if (videoTrack != null) {
        videoTrack.setEnabled(!muted);
      }
      sendMediaState();
    });
  }

  /// The descriptor of the camera the call sends, or empty for the test pattern, a file, a screen or no video.
  /// Any thread.
  public Optional<String> cameraId() {
    return Optional.ofNullable(cameraInUse);
  }

  /// Sends another camera in place of the current one (a device was unplugged or came back), without
  /// renegotiating: the sender's track is replaced (`RTCRtpSender.replaceTrack`, RFC 8829 §3.7 keeps the SDP).
  /// Only for a call that publishes [CallConfig.VideoChoice#CAMERA].
  ///
  /// @param cameraId webrtc-java descriptor of the camera, or null (or a camera that does not start) for the
  ///                 test pattern
  /// @return completes with the descriptor now in use (empty for the pattern), or fails when the call publishes
  ///         no camera
  public CompletableFuture<Optional<String>> switchCamera(@Nullable String cameraId) {
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    onSession(() -> {
      LocalTrack old = videoTrack;
      RTCRtpSender sender = old == null ? null : senders.get(old.trackId());
      if (config.video() != CallConfig.VideoChoice.CAMERA || old == null || sender == null) {
        result.completeExceptionally(new IllegalStateException("the call sends no camera"));
        return;
      }
      LocalTrack next = (cameraId == null ? Optional.<LocalTrack>empty() : engine.createCameraTrack(cameraId, true))
          .orElseGet(() -> engine.createTestPatternTrack(640, 360, 30));
      next.setEnabled(!videoMuted);
      sender.replaceTrack(next.track());
      senders.remove(old.trackId());
      senders.put(next.trackId(), sender);
      videoTrack = next;
      cameraInUse = next.deviceId();
      listener.onLocalVideoTrack((dev.onvoid.webrtc.media.video.VideoTrack) next.track()); // before the old closes
      old.close();
      LOG.info("Camera switched to {}", cameraInUse == null ? "the test pattern" : cameraInUse);
      result.complete(Optional.ofNullable(cameraInUse));
    }).exceptionally(failure -> {
      result.completeExceptionally(failure);
      return null;
    });
    return result;
  }

  /// Starts sharing a screen: adds a `screen` track to the publish connection and renegotiates.
  /// The session owns `capture` from here on and closes it when sharing stops.
  public CompletableFuture<Void> startScreenShare(ScreenCaptureSource capture) {
    return onSession(() -> {
      if (screenTrack != null || publishPc == null) {
        capture.close();
        throw new IllegalStateException(publishPc == null ? "not joined" : "already sharing");
      }
      screenTrack = engine.createScreenTrack(capture, SCREEN_FPS);
      addPublishTrack(screenTrack);
      negotiatePublish();
      sendMediaState();
    });
  }

  /// Stops sharing: removes the screen track and renegotiates. No-op when not sharing.
  public CompletableFuture<Void> stopScreenShare() {
    return onSession(this::removeScreenTrack);
  }

  private void removeScreenTrack() {
    LocalTrack track = screenTrack;
    if (track == null) {
      return;
    }
    screenTrack = null;
    RTCRtpSender sender = senders.remove(track.trackId());
    localTracks.remove(track.trackId());
    if (sender != null && publishPc != null) {
      publishPc.removeTrack(sender);
    }
    track.close();
    negotiatePublish();
    sendMediaState();
  }

  /// Raises or lowers our hand; everyone (we too) gets [CallListener#onParticipantUpdated] /
  /// [CallListener#onSelfUpdated] with the new state.
  public CompletableFuture<Void> setHandRaised(boolean raised) {
    return sendOnSession(() -> new RaiseHand(newRequestId(), raised));
  }

  /// Tells the server how the remote video tracks are shown, so it sends each in the simulcast layer that fits
  /// (decision 100): one entry per track whose tile appeared, disappeared or changed height.
  ///
  /// @param tracks the changed tracks; a height of 0 means off screen
  /// @return completes when queued on the signaling channel
  public CompletableFuture<Void> sendReceiveSettings(List<TrackReceiveSetting> tracks) {
    return sendOnSession(() -> new ReceiveSettings(tracks));
  }

  /// Sends the receive setting of a remote participant's camera (or screen share) video: its tile's drawn height,
  /// 0 when not on screen. Does nothing when that participant publishes no such track.
  ///
  /// @return completes when queued
  public CompletableFuture<Void> setVideoReceiveHeight(String publisherId, boolean screen, int height) {
    return onSession(() -> {
      List<TrackReceiveSetting> tracks = remoteTrackInfos.values().stream()
          .filter(t -> t.participantId().equals(publisherId) && t.kind() == MediaKind.VIDEO
              && (t.source() == MediaSource.SCREEN) == screen)
          .map(t -> new TrackReceiveSetting(publisherId, t.trackId(), Math.max(0, Math.min(4_320, height))))
          .toList();
      if (!tracks.isEmpty() && participantId != null && channel != null && !ended.isDone()) {
        channel.send(new ReceiveSettings(tracks));
      }
    });
  }

  /// Sends a reaction everyone sees briefly; it comes back through [CallListener#onReaction].
  public CompletableFuture<Void> sendReaction(String emoji) {
    return sendOnSession(() -> new SendReaction(newRequestId(), emoji));
  }

  /// Asks the server to record the meeting (host only); [CallListener#onRecordingStarted] follows, or
  /// [CallListener#onError] with `FORBIDDEN`, `RECORDING_DISABLED` or `RECORDING_ALREADY_RUNNING`.
  public CompletableFuture<Void> startRecording() {
    return onSession(() -> {
      if (channel != null && participantId != null) {
        channel.send(new StartRecording(newRequestId()));
      }
    });
  }

  /// Asks the server to stop recording (host only); [CallListener#onRecordingStopped] follows.
  public CompletableFuture<Void> stopRecording() {
    return onSession(() -> {
      if (channel != null && participantId != null) {
        channel.send(new StopRecording(newRequestId()));
      }
    });
  }

  /// The running recording's id, if the meeting is being recorded. Any thread.
  public Optional<String> recordingId() {
    return Optional.ofNullable(recordingId);
  }

  /// Whether a screen share is running. Session thread or tests only; the UI tracks its own state.
  public boolean screenSharing() {
    return screenTrack != null;
  }

  /// Leaves the meeting: sends `LeaveRequest`, waits up to 3 s for `Left`, then releases everything.
  public CompletableFuture<String> leave() {
    if (ended.isDone()) {
      return ended; // already over (left, removed, ended by the host): its executor is gone
    }
    try {
      executor.execute(this::leaveOnSessionThread);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("Leave after the session's executor stopped; the call is ending");
    }
    return ended;
  }

  private void leaveOnSessionThread() {
    if (ended.isDone()) {
      return;
    }
    if (reconnector != null) {
      reconnector.leaving();
    }
    if (reconnector != null && reconnector.reconnecting()) {
      shutdown("left"); // no socket to say goodbye on; the server lets us go when its grace period ends
    } else if (channel != null && participantId != null && leaveRequestId == null) {
      leaveRequestId = newRequestId();
      channel.send(new LeaveRequest(leaveRequestId));
      executor.schedule(() -> shutdown("left"), LEAVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      shutdown("left");
    }
  }

  /// Leaves and waits up to 5 s for the release. Do not call on the FX thread.
  @Override
  public void close() {
    try {
      leave().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Call did not end cleanly: {}", e.toString());
    }
  }

  // ---- signaling -------------------------------------------------------------------------------------------

  private void connect(SignalingConnector connector) {
    try {
      createLocalTracks();
    } catch (RuntimeException e) {
      LOG.error("Local media could not start", e);
      failJoin(new CallException("Camera or microphone could not start.", e));
      return;
    }
    SignalingReconnector.Events events = new SignalingReconnector.Events() {
      @Override
      public void onSignal(Signal signal) {
        handle(signal);
      }

      @Override
      public void onClosed(int statusCode, String reason) {
        LOG.info("Signaling closed: {} {}", statusCode, reason);
        if (!joined.isDone()) {
          failJoin(new CallException("The server closed the connection.", (String) null));
        } else {
          shutdown(leaveRequestId != null ? "left" : "connection-lost");
        }
      }

      @Override
      public void onFailure(Throwable error) {
        LOG.warn("Signaling failure: {}", error.toString());
        if (!joined.isDone()) {
          failJoin(new CallException("Lost the connection to the server.", error));
        }
      }

      @Override
      public void onSignalingDown(boolean down) {
        signalingDown = down;
        updateReconnecting();
      }

      @Override
      public void onResumeRefused(SignalError refusal) {
        shutdown("resume-refused");
      }

      @Override
      public void onGaveUp() {
        shutdown("connection-lost");
      }
    };
    SignalingReconnector signaling = new SignalingReconnector(connector, executor,
        () -> new Hello(Hello.PROTOCOL_VERSION, config.clientName()), events);
    reconnector = signaling;
    // set before the socket opens: a server answering `hello` at once (the in-process bridge of the tests does)
    // must find the channel when its `welcome` is handled, which can be before this future's callback runs
    channel = signaling;
    signaling.open().whenCompleteAsync((ignored, error) -> {
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        failJoin(cause instanceof CallException ce ? ce
            : cause != null && cause.getCause() instanceof CallException ce2 ? ce2
            : new CallException("Could not reach the meeting server.", error));
        return;
      }
      if (ended.isDone()) {
        signaling.close();
      }
    }, executor);
  }

  private void handle(Signal signal) {
    if (ended.isDone()) {
      return;
    }
    switch (signal) {
      case Welcome welcome -> onWelcome();
      case Joined message -> onJoined(message);
      case PublishAnswer answer -> onPublishAnswer(answer);
      case SubscribeOffer offer -> onSubscribeOffer(offer);
      case TrackPublished published -> remoteTrackInfos.put(published.track().trackId(), published.track());
      case TrackUnpublished unpublished -> onTrackEnded(unpublished.track().trackId());
      case ParticipantJoined message -> {
        participants.put(message.participant().participantId(), message.participant());
        listener.onParticipantJoined(message.participant());
      }
      case ParticipantUpdated message -> onParticipantUpdated(message.participant());
      case ParticipantLeft message -> onParticipantLeft(message.participantId());
      case SignalError error -> onSignalError(error);
      case ChatMessage message -> onChat(message.message());
      case ChatHistory history -> history.messages().forEach(this::onChat);
      case Left left -> onLeft(left);
      case Waiting message -> {
        waiting = true;
        LOG.info("Waiting for the host to admit us to meeting {}", message.meetingId());
        listener.onWaiting(message.title());
      }
      case WaitingRoomUpdated message -> {
        waitingRoom = message.waiting();
        listener.onWaitingRoomUpdated(message.waiting());
      }
      case MediaStopped message -> onMediaStopped(message);
      case RoomUpdated message -> {
        roomRules = message;
        listener.onRoomUpdated(message);
      }
      case AdmitRequest ignored -> LOG.warn("Unexpected client-side message from server: admit");
      case DenyRequest ignored -> LOG.warn("Unexpected client-side message from server: deny");
      case StopMediaRequest ignored -> LOG.warn("Unexpected client-side message from server: stop-media");
      case MuteAllRequest ignored -> LOG.warn("Unexpected client-side message from server: mute-all");
      case RemoveParticipantRequest ignored -> LOG.warn("Unexpected client-side message from server: remove");
      case EndMeetingRequest ignored -> LOG.warn("Unexpected client-side message from server: end-meeting");
      case TransferHostRequest ignored -> LOG.warn("Unexpected client-side message from server: transfer-host");
      case LockRoomRequest ignored -> LOG.warn("Unexpected client-side message from server: lock-room");
      case Hello ignored -> LOG.warn("Unexpected client-side message from server: hello");
      case JoinRequest ignored -> LOG.warn("Unexpected client-side message from server: join");
      case LeaveRequest ignored -> LOG.warn("Unexpected client-side message from server: leave");
      case PublishOffer ignored -> LOG.warn("Unexpected client-side message from server: publish-offer");
      case SubscribeAnswer ignored -> LOG.warn("Unexpected client-side message from server: subscribe-answer");
      case SetMediaState ignored -> LOG.warn("Unexpected client-side message from server: set-media-state");
      case QualityReport ignored -> LOG.warn("Unexpected client-side message from server: quality-report");
      case StartRecording ignored -> LOG.warn("Unexpected client-side message from server: start-recording");
      case StopRecording ignored -> LOG.warn("Unexpected client-side message from server: stop-recording");
      case RecordingStarted started -> {
        recordingId = started.recordingId();
        listener.onRecordingStarted(started.recordingId(), started.automatic());
      }
      case RecordingStopped stopped -> {
        if (stopped.recordingId().equals(recordingId)) {
          recordingId = null;
        }
        listener.onRecordingStopped(stopped.recordingId(), stopped.reason());
      }
      case ChatSend ignored -> LOG.warn("Unexpected client-side message from server: chat-send");
      case RaiseHand ignored -> LOG.warn("Unexpected client-side message from server: raise-hand");
      case SendReaction ignored -> LOG.warn("Unexpected client-side message from server: send-reaction");
      case ReactionReceived reaction -> listener.onReaction(reaction.participantId(), reaction.emoji());
      case DominantSpeaker speaker -> listener.onDominantSpeaker(speaker.participantId());
      case ReceiveSettings ignored -> LOG.warn("Unexpected client-side message from server: receive-settings");
      case Heartbeat ignored -> LOG.warn("Unexpected client-side message from server: heartbeat");
      case ResumeRequest ignored -> LOG.warn("Unexpected client-side message from server: resume");
      case Resumed resumed -> LOG.info("Back in meeting {} as participant {}", resumed.meetingId(),
          resumed.participantId());
      // sent only to clients whose hello declares waiting-room-deltas; this one does not (it gets whole lists)
      case WaitingRoomChanged ignored -> LOG.debug("Ignoring waiting-room-changed (capability not declared)");
    }
  }

  private void onChat(ChatEntry message) {
    if (chatSeen.add(message.messageId())) {
      chat.add(message);
      listener.onChatMessage(message);
    }
  }

  private void heartbeat() {
    SignalingChannel open = channel;
    if (open != null && !ended.isDone()) {
      try {
        open.send(new Heartbeat());
      } catch (RuntimeException e) {
        LOG.debug("Heartbeat not sent: {}", e.toString());
      }
    }
  }

  private void onWelcome() {
    heartbeatTask = executor.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_PERIOD_MILLIS, HEARTBEAT_PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
    joinRequestId = newRequestId();
    joinSentNanos = System.nanoTime();
    channel().send(new JoinRequest(joinRequestId, config.meeting(), config.displayName(), audioMuted, videoMuted,
        config.password()));
  }

  private void onParticipantUpdated(ParticipantInfo info) {
    if (info.participantId().equals(participantId)) {
      self = info;
      listener.onSelfUpdated(info);
      return;
    }
    participants.put(info.participantId(), info);
    listener.onParticipantUpdated(info);
  }

  private void onLeft(Left left) {
    if (!joined.isDone()) {
      String message = "meeting-ended".equals(left.reason()) ? "The meeting has ended." : "You left the waiting room.";
      failJoin(new CallException(message, "urn:convene:signal:left:" + left.reason()));
      return;
    }
    shutdown(left.reason());
  }

  /// The server turned one of our media off (a host control or `mute_on_entry`): stop it here too and report
  /// the new state. Turning it back on is the user's choice.
  private void onMediaStopped(MediaStopped stopped) {
    LOG.info("Server stopped our {} ({})", stopped.source(), stopped.reason());
    switch (stopped.source()) {
      case MICROPHONE -> {
        audioMuted = true;
        if (audioTrack != null) {
          audioTrack.setEnabled(false);
        }
        sendMediaState();
      }
      case CAMERA -> {
        videoMuted = true;
        if (videoTrack != null) {
          videoTrack.setEnabled(false);
        }
        sendMediaState();
      }
      case SCREEN -> removeScreenTrack();
    }
    listener.onMediaStopped(stopped.source(), stopped.reason());
  }

  private void onJoined(Joined message) {
    waiting = false;
    participantId = message.participantId();
    for (ParticipantInfo info : message.participants()) {
      if (!info.participantId().equals(participantId)) {
        participants.put(info.participantId(), info);
      }
    }
    for (TrackInfo track : message.tracks()) {
      remoteTrackInfos.put(track.trackId(), track);
    }
    LOG.info("Joined meeting {} as participant {}", message.meetingId(), participantId);
    if (reconnector != null) {
      reconnector.joined(message.participantId(), message.resumeToken());
    }
    listener.onJoined(message);
    joined.complete(message);
    try {
      createPublishConnection();
      if (!localTracks.isEmpty()) {
        negotiatePublish(); // with nothing to send there is nothing to offer until a screen share starts
      }
    } catch (RuntimeException e) {
      LOG.error("Publish connection could not start", e);
      listener.onError(ErrorCode.INTERNAL_ERROR, "Your camera and microphone could not be sent.");
    }
    statsTask = executor.scheduleAtFixedRate(this::sampleStats, STATS_PERIOD_MILLIS, STATS_PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
    qualityTask = executor.scheduleAtFixedRate(this::reportQuality, QUALITY_PERIOD_MILLIS, QUALITY_PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /// Sends the publish connection's statistics to the server as a [QualityReport].
  private void reportQuality() {
    RTCPeerConnection pc = publishPc;
    if (pc == null || ended.isDone() || channel == null) {
      return;
    }
    pc.getStats(report -> post(() -> {
      SignalingChannel open = channel;
      if (open != null && !ended.isDone()) {
        try {
          open.send(qualityReporter.report(report));
        } catch (RuntimeException e) {
          LOG.debug("Quality report not sent: {}", e.toString());
        }
      }
    }));
  }

  private void onSignalError(SignalError error) {
    LOG.warn("Server refused request {}: {} {}", error.requestId(), error.code(), error.message());
    if (!joined.isDone()) {
      failJoin(new CallException(error.message(), "urn:convene:signal:" + error.code().name()));
      return;
    }
    if (error.requestId() != null && error.requestId().equals(pendingPublishRequestId)) {
      pendingPublishRequestId = null;
    }
    listener.onError(error.code(), error.message());
  }

  private void onParticipantLeft(String leftId) {
    participants.remove(leftId);
    List<String> ended = remoteTracks.values().stream()
        .filter(t -> t.participantId().equals(leftId)).map(RemoteTrack::trackId).toList();
    ended.forEach(this::onTrackEnded);
    remoteTrackInfos.values().removeIf(t -> t.participantId().equals(leftId));
    meters.remove(leftId);
    listener.onParticipantLeft(leftId);
  }

  private void sendMediaState() {
    if (channel != null && participantId != null) {
      channel.send(new SetMediaState(newRequestId(), audioMuted, videoMuted, screenTrack != null));
    }
  }

  // ---- publish -----------------------------------------------------------------------------------------------

  private void createLocalTracks() {
    if (!engine.useAudioDevices(config.devices().microphoneId(), config.devices().speakerId())) {
      LOG.info("A chosen audio device is not present; using the system default");
    }
    audioTrack = switch (config.audio()) {
      case TONE -> engine.createToneTrack(config.toneHz());
      case MICROPHONE -> engine.createMicrophoneTrack();
      case NONE -> null;
    };
    videoTrack = switch (config.video()) {
      case CAMERA -> engine.createCameraTrack(config.devices().cameraId(), false).orElseGet(() -> {
        // no camera: the call starts with the camera off and says so; the pattern stands by for a camera plugged
        // in later (decision 074) and is what others see if the user turns the camera on anyway
        if (!videoMuted) {
          videoMuted = true;
          listener.onMediaStopped(MediaSource.CAMERA, "no-camera");
        }
        return engine.createTestPatternTrack(640, 360, 30);
      });
      case PATTERN -> engine.createTestPatternTrack(640, 360, 30);
      case FILE -> {
        try {
          yield engine.createFileTrack(config.videoFile());
        } catch (java.io.IOException e) {
          throw new CallException("The video file could not be read.", e);
        }
      }
      case SCREEN -> {
        try {
          yield engine.createScreenTrack(new com.convene.desktop.media.RobotScreenCapture(config.screen()), SCREEN_FPS);
        } catch (java.awt.AWTException e) {
          throw new CallException("The screen cannot be captured here.", e);
        }
      }
      case NONE -> null;
    };
    if (audioTrack != null) {
      audioTrack.setEnabled(!audioMuted);
    }
    cameraInUse = videoTrack == null ? null : videoTrack.deviceId();
    if (videoTrack != null) {
      videoTrack.setEnabled(!videoMuted);
      listener.onLocalVideoTrack((dev.onvoid.webrtc.media.video.VideoTrack) videoTrack.track());
    }
  }

  private void createPublishConnection() {
    publishPc = engine.publishFactory().createPeerConnection(rtcConfiguration(), new PeerObserver("publish") {
      @Override
      public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
        super.onConnectionChange(state);
        post(() -> {
          listener.onPublishState(state.name());
          mediaLink.onState(MediaLinkMonitor.Link.PUBLISH, state);
          watchMediaSetup(state);
        });
      }
    });
    for (LocalTrack track : java.util.stream.Stream.of(audioTrack, videoTrack).filter(t -> t != null).toList()) {
      addPublishTrack(track);
    }
  }

  private void addPublishTrack(LocalTrack track) {
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
    init.streamIds = List.of(participantId);
    RTCRtpTransceiver transceiver = publishPc().addTransceiver(track.track(), init);
    senders.put(track.trackId(), transceiver.getSender());
    localTracks.put(track.trackId(), track);
  }

  /// Sends a new publish offer, or marks one as needed when an offer is already outstanding.
  private void negotiatePublish() {
    if (pendingPublishRequestId != null) {
      publishDirty = true;
      return;
    }
    RTCPeerConnection pc = publishPc();
    String requestId = newRequestId();
    pendingPublishRequestId = requestId;
    pauseExclusiveAudio();
    publishDirty = false;
    List<TrackSource> sources = localTracks.values().stream()
        .map(t -> new TrackSource(t.trackId(), t.source())).toList();
    List<String> cameraTrackIds = !SimulcastOffer.enabled() ? List.of() : localTracks.values().stream()
        .filter(t -> t.source() == MediaSource.CAMERA).map(LocalTrack::trackId).toList();
    PeerConnectionOps.createOffer(pc)
        .thenComposeAsync(offer -> PeerConnectionOps.setLocal(pc, new RTCSessionDescription(offer.sdpType,
            simulcastOffer.apply(offer.sdp, cameraTrackIds))), executor)
        .thenComposeAsync(ignored -> PeerConnectionOps.awaitGathering(pc, executor), executor)
        .thenAcceptAsync(ignored -> {
          reconcileReceivers(pc);
          if (!ended.isDone()) {
            channel().send(new PublishOffer(requestId, pc.getLocalDescription().sdp, sources));
          }
        }, executor)
        .exceptionallyAsync(error -> {
          LOG.error("Publish offer failed", error);
          pendingPublishRequestId = null;
          listener.onError(ErrorCode.SDP_REJECTED, "Your camera and microphone could not be sent.");
          return null;
        }, executor);
  }

  private void onPublishAnswer(PublishAnswer answer) {
    if (!answer.requestId().equals(pendingPublishRequestId) || publishPc == null) {
      LOG.warn("Ignoring publish answer for unknown request {}", answer.requestId());
      return;
    }
    RTCPeerConnection pc = publishPc;
    PeerConnectionOps.setRemote(pc, new RTCSessionDescription(RTCSdpType.ANSWER, answer.sdp()))
        .whenCompleteAsync((ignored, error) -> {
          pendingPublishRequestId = null;
          if (error != null) {
            LOG.error("Publish answer rejected locally", error);
            listener.onError(ErrorCode.SDP_REJECTED, "Your camera and microphone could not be sent.");
          } else if (publishDirty && !ended.isDone()) {
            negotiatePublish();
          } else {
            resumeExclusiveAudioLater();
          }
        }, executor);
  }

  /// Pauses a pushed audio track while a negotiation may start the audio module's capture thread.
  private void pauseExclusiveAudio() {
    if (audioTrack != null && audioTrack.needsExclusiveAudioPath()) {
      audioTrack.setFeeding(false);
    }
  }

  /// Once the send stream has started (and with it the module's capture thread), stops that capture and lets
  /// the pushed audio feed; see [MediaEngine#stopDeviceCapture()].
  private void resumeExclusiveAudioLater() {
    LocalTrack track = audioTrack;
    if (track == null || !track.needsExclusiveAudioPath()) {
      return;
    }
    executor.schedule(() -> {
      if (!ended.isDone() && pendingPublishRequestId == null && audioTrack == track) {
        engine.stopDeviceCapture();
        track.setFeeding(true);
      }
    }, AUDIO_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  // ---- subscribe ---------------------------------------------------------------------------------------------

  private void onSubscribeOffer(SubscribeOffer offer) {
    subscribeChain = subscribeChain
        .handle((ignored, previous) -> null)
        .thenComposeAsync(ignored -> answerSubscribeOffer(offer), executor);
  }

  private CompletableFuture<Void> answerSubscribeOffer(SubscribeOffer offer) {
    if (ended.isDone()) {
      return CompletableFuture.completedFuture(null);
    }
    if (subscribePc == null) {
      subscribePc = engine.factory().createPeerConnection(rtcConfiguration(), new SubscribeObserver());
    }
    RTCPeerConnection pc = subscribePc;
    rememberOwners(offer.sdp());
    return PeerConnectionOps.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, offer.sdp()))
        .thenComposeAsync(ignored -> PeerConnectionOps.createAnswer(pc), executor)
        .thenComposeAsync(answer -> PeerConnectionOps.setLocal(pc, answer), executor)
        .thenComposeAsync(ignored -> PeerConnectionOps.awaitGathering(pc, executor), executor)
        .thenAcceptAsync(ignored -> {
          reconcileReceivers(pc);
          if (!ended.isDone()) {
            channel().send(new SubscribeAnswer(offer.revision(), pc.getLocalDescription().sdp));
          }
        }, executor)
        .exceptionallyAsync(error -> {
          LOG.error("Subscribe offer {} could not be answered", offer.revision(), error);
          listener.onError(ErrorCode.SDP_REJECTED, "Video from others could not be received.");
          return null;
        }, executor);
  }

  /// Remembers the publisher of each track in a subscribe offer (`a=msid:<participant> <track>`, the SFU's msid
  /// stream id is the publisher's participant id), before libwebrtc reports the tracks.
  private void rememberOwners(String offerSdp) {
    for (String line : offerSdp.split("\r?\n")) {
      if (line.startsWith("a=msid:")) {
        String[] parts = line.substring("a=msid:".length()).trim().split(" ");
        if (parts.length == 2) {
          remoteStreamOwners.put(parts[1], parts[0]);
        }
      }
    }
  }

  /// Makes sure every receiving m-line of the subscribe connection has its track handled, even when libwebrtc's
  /// `OnAddTrack` callback for it never reached us.
  private void reconcileReceivers(RTCPeerConnection pc) {
    if (ended.isDone()) {
      return;
    }
    for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
      RTCRtpTransceiverDirection direction = transceiver.getCurrentDirection();
      if (direction != RTCRtpTransceiverDirection.RECV_ONLY && direction != RTCRtpTransceiverDirection.SEND_RECV) {
        continue;
      }
      RTCRtpReceiver receiver = transceiver.getReceiver();
      String trackId = receiver.getTrack().getId();
      if (!remoteTracks.containsKey(trackId) && remoteStreamOwners.containsKey(trackId)) {
        LOG.warn("No track event for m-line {} (track {}); handling it now", transceiver.getMid(), trackId);
        onRemoteTrack(receiver, new MediaStream[0]);
      }
    }
  }

  private void onRemoteTrack(RTCRtpReceiver receiver, MediaStream[] streams) {
    if (ended.isDone()) {
      return;
    }
    MediaStreamTrack track = receiver.getTrack();
    String trackId = track.getId();
    receiversPerTrack.merge(trackId, 1, Integer::sum);
    RemoteTrack previous = remoteTracks.remove(trackId);
    if (previous != null) {
      previous.detachMeter(); // the same track on a new m-line: the new receiver carries the media from now on
    }
    TrackInfo info = remoteTrackInfos.get(trackId);
    // The server's track announcement may come after the offer (participants joining at once), and webrtc-java
    // sometimes reports a stream without its id: the offer's msid is the reliable fallback.
    String streamId = streams.length > 0 ? streams[0].id() : null;
    String owner = info != null ? info.participantId()
        : remoteStreamOwners.getOrDefault(trackId, streamId != null ? streamId : "unknown");
    MediaSource source = info != null ? info.source()
        : track instanceof VideoTrack ? MediaSource.CAMERA : MediaSource.MICROPHONE;
    RemoteMeter meter = meters.computeIfAbsent(owner, id -> new RemoteMeter(id, joinSentNanos));
    LOG.info("Receiving {} track {} from participant {}", track.getKind(), trackId, owner);
    if (track instanceof VideoTrack video) {
      if (source != MediaSource.SCREEN) {
        video.addSink(meter.videoSink);
      }
      remoteTracks.put(trackId, new RemoteTrack(owner, trackId, track, source, meter));
      listener.onRemoteVideoTrack(owner, trackId, source, video);
    } else if (track instanceof AudioTrack audio) {
      audio.addSink(meter.audioSink);
      remoteTracks.put(trackId, new RemoteTrack(owner, trackId, track, source, meter));
    }
  }

  /// Feeds [MediaSetupWatch]; the first attempt to connect starts its deadline. A connection that reaches
  /// `FAILED` ends the call as `media-failed`: libwebrtc has stopped checking the path and only an ICE restart
  /// (not implemented, RFC 8445 §9) or new connections bring media back, so the app joins again (decision 083).
  private void watchMediaSetup(dev.onvoid.webrtc.RTCPeerConnectionState state) {
    if (state == dev.onvoid.webrtc.RTCPeerConnectionState.FAILED && !ended.isDone() && leaveRequestId == null) {
      mediaSetup.onState(state);
      LOG.warn("Media connection failed; leaving so that the app can join again");
      if (channel != null && participantId != null && (reconnector == null || !reconnector.reconnecting())) {
        channel.send(new LeaveRequest(newRequestId())); // others see us leave now, not after a grace period
      }
      shutdown("media-failed");
      return;
    }
    if (mediaSetup.onState(state)) {
      executor.schedule(() -> {
        if (!ended.isDone()) {
          mediaSetup.deadlinePassed();
        }
      }, MediaSetupWatch.DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void reportMediaUnreachable(boolean unreachable) {
    LOG.warn(unreachable ? "Media cannot reach the server (UDP blocked?)" : "Media connected after all");
    listener.onMediaUnreachable(unreachable);
  }

  private void reportReconnecting(boolean down) {
    LOG.info(down ? "Media connection lost; reconnecting" : "Media connection restored");
    mediaDown = down;
    updateReconnecting();
  }

  private boolean reconnectingShown;

  /// Raises "reconnecting" while the media link or signaling is down; reports changes only.
  private void updateReconnecting() {
    boolean down = mediaDown || signalingDown;
    if (down != reconnectingShown) {
      reconnectingShown = down;
      listener.onReconnecting(down);
    }
  }

  /// A receiver of `trackId` went away; the track ends once no receiver carries it.
  private void onReceiverRemoved(String trackId) {
    Integer left = receiversPerTrack.computeIfPresent(trackId, (id, n) -> n > 1 ? n - 1 : null);
    if (left == null) {
      onTrackEnded(trackId);
    }
  }

  private void onTrackEnded(String trackId) {
    receiversPerTrack.remove(trackId);
    remoteTrackInfos.remove(trackId);
    RemoteTrack remote = remoteTracks.remove(trackId);
    if (remote == null) {
      return;
    }
    remote.detachMeter();
    listener.onRemoteTrackEnded(remote.participantId(), trackId);
  }

  private void sampleStats() {
    RTCPeerConnection pc = subscribePc;
    if (pc == null || ended.isDone()) {
      return;
    }
    pc.getStats(report -> post(() -> {
      Map<String, String> owners = new LinkedHashMap<>();
      remoteTracks.values().forEach(t -> owners.put(t.trackId(), t.participantId()));
      Map<String, InboundBitrate.Inbound> inbounds = inboundBitrate.inbound(report, owners);
      inbounds.forEach((owner, inbound) -> {
        RemoteMeter meter = meters.get(owner);
        if (meter != null) {
          meter.inbound(inbound);
        }
      });
      boolean measured = inbounds.values().stream().anyMatch(in -> in.bitrateBps() >= 0);
      long total = inbounds.values().stream().mapToLong(in -> Math.max(0, in.bitrateBps())).sum();
      mediaLink.onInbound(measured, total, System.nanoTime());
    }));
  }

  // ---- teardown ----------------------------------------------------------------------------------------------

  private void failJoin(Throwable error) {
    joined.completeExceptionally(error);
    shutdown("join-failed");
  }

  private void shutdown(String reason) {
    if (ended.isDone()) {
      return;
    }
    LOG.info("Call ending: {}", reason);
    if (statsTask != null) {
      statsTask.cancel(false);
    }
    if (qualityTask != null) {
      qualityTask.cancel(false);
    }
    if (heartbeatTask != null) {
      heartbeatTask.cancel(false);
    }
    remoteTracks.values().forEach(RemoteTrack::detachMeter);
    remoteTracks.clear();
    if (publishPc != null) {
      for (RTCRtpSender sender : senders.values()) {
        try {
          publishPc.removeTrack(sender);
        } catch (RuntimeException e) {
          LOG.debug("Sender not removed: {}", e.toString());
        }
      }
    }
    closeQuietly(publishPc);
    closeQuietly(subscribePc);
    publishPc = null;
    subscribePc = null;
    if (videoTrack != null) {
      listener.onLocalVideoTrack(null); // the self-view lets go of the track before it closes
    }
    localTracks.values().forEach(LocalTrack::close);
    for (LocalTrack track : new LocalTrack[] {audioTrack, videoTrack, screenTrack}) {
      if (track != null) {
        track.close();
      }
    }
    localTracks.clear();
    senders.clear();
    if (channel != null) {
      channel.close();
    }
    if (reconnector != null) {
      reconnector.close();
    }
    if (!joined.isDone()) {
      joined.completeExceptionally(new CallException("The call ended before it started.", (String) null));
    }
    try {
      listener.onEnded(reason);
    } finally {
      ended.complete(reason);
      executor.shutdown();
    }
  }

  private static void closeQuietly(@Nullable RTCPeerConnection pc) {
    if (pc != null) {
      try {
        pc.close();
      } catch (RuntimeException e) {
        LOG.warn("Peer connection did not close cleanly: {}", e.toString());
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  /// Hands work to the session thread from a foreign (webrtc-java, WebSocket) thread; dropped once ended.
  private void post(Runnable action) {
    try {
      // the session executor keeps a failed task's exception in a future nobody reads: log it here
      executor.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException | Error e) {
          LOG.error("Call session callback failed", e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("Dropping callback after the call ended");
    }
  }

  private CompletableFuture<Void> sendOnSession(java.util.function.Supplier<Signal> message) {
    return onSession(() -> {
      if (participantId == null) {
        throw new IllegalStateException("not joined");
      }
      channel().send(message.get());
    });
  }

  private CompletableFuture<Void> onSession(Runnable action) {
    try {
      return CompletableFuture.runAsync(action, executor);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the call has ended"));
    }
  }

  private SignalingChannel channel() {
    if (channel == null) {
      throw new IllegalStateException("signaling not connected");
    }
    return channel;
  }

  private RTCPeerConnection publishPc() {
    if (publishPc == null) {
      throw new IllegalStateException("not joined");
    }
    return publishPc;
  }

  private static RTCConfiguration rtcConfiguration() {
    RTCConfiguration configuration = new RTCConfiguration();
    configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
    configuration.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
    return configuration;
  }

  private static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  /// Receives subscribe-connection callbacks on libwebrtc's signaling thread and hands them to the session.
  private final class SubscribeObserver extends PeerObserver {
    SubscribeObserver() {
      super("subscribe");
    }

    @Override
    public void onAddTrack(RTCRtpReceiver receiver, MediaStream[] streams) {
      post(() -> onRemoteTrack(receiver, streams));
    }

    @Override
    public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
      super.onConnectionChange(state);
      post(() -> {
        mediaLink.onState(MediaLinkMonitor.Link.SUBSCRIBE, state);
        watchMediaSetup(state);
      });
    }

    @Override
    public void onRemoveTrack(RTCRtpReceiver receiver) {
      String trackId = receiver.getTrack().getId();
      post(() -> onReceiverRemoved(trackId));
    }
  }

  /// A received track and the meter sink attached to it. Session thread only.
  private record RemoteTrack(String participantId, String trackId, MediaStreamTrack track, MediaSource source,
      RemoteMeter meter) {
    void detachMeter() {
      if (track instanceof VideoTrack video && source != MediaSource.SCREEN) {
        video.removeSink(meter.videoSink);
      } else if (track instanceof AudioTrack audio) {
        audio.removeSink(meter.audioSink);
      }
    }
  }
}
