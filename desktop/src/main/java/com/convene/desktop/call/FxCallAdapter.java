package com.convene.desktop.call;

import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.RobotScreenCapture;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Joined;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.WaitingParticipant;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.awt.AWTException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Bridges a [CallSession] to the UI: session events hop to the FX thread (`Platform.runLater`) as
/// [CallEvents], and UI requests go to the session as [CallControls] and [HostControls].
///
/// Listener methods run on the session thread; control methods may be called from the FX thread.
public final class FxCallAdapter implements CallListener, CallControls, HostControls {
  /// Problem types of the join refusals that ask the user for the meeting password.
  private static final String PASSWORD_REQUIRED = "urn:convene:signal:" + ErrorCode.MEETING_PASSWORD_REQUIRED.name();
  private static final String PASSWORD_WRONG = "urn:convene:signal:" + ErrorCode.MEETING_PASSWORD_WRONG.name();
  /// Join refusals of a server that is in trouble rather than saying no (a store down, a failure it says retrying
  /// may help with): treated like an unreachable server, so a lost call keeps joining again (issue 16, item 11).
  private static final java.util.Set<String> TRANSIENT = java.util.Set.of(
      "urn:convene:signal:" + ErrorCode.SERVICE_UNAVAILABLE.name(),
      "urn:convene:signal:" + ErrorCode.INTERNAL_ERROR.name());

  private static final Logger LOG = LoggerFactory.getLogger(FxCallAdapter.class);

  private final CallEvents events;
  private final Map<String, VideoFeed> feeds = new HashMap<>();
  /// Our own video for the self-view; session thread.
  private @org.jspecify.annotations.Nullable VideoFeed localFeed;
  /// Samples [CallSession#stats()] once a second for the tiles' speaker highlight and quality indicator.
  private final ScheduledExecutorService statsTimer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("convene-ui-stats").factory());
  private volatile CallSession session;

  private FxCallAdapter(CallEvents events) {
    this.events = events;
  }

  /// Starts a call whose events reach `events` on the FX thread.
  public static FxCallAdapter start(CallConfig config, MediaEngine engine, SignalingConnector connector,
      CallEvents events) {
    FxCallAdapter adapter = new FxCallAdapter(events);
    adapter.session = CallSession.start(config, engine, connector, adapter);
    adapter.statsTimer.scheduleAtFixedRate(adapter::pollStats, 1, 1, TimeUnit.SECONDS);
    adapter.session.joined().exceptionally(error -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      String message = cause instanceof CallException ? cause.getMessage() : "Could not join the meeting.";
      String type = cause instanceof CallException ce ? ce.problemType() : null;
      if (PASSWORD_REQUIRED.equals(type) || PASSWORD_WRONG.equals(type)) {
        boolean wrong = PASSWORD_WRONG.equals(type);
        Platform.runLater(() -> events.onPasswordNeeded(wrong));
      } else if (type == null || TRANSIENT.contains(type)) { // no answer, or a server in trouble: nothing refused
        Platform.runLater(() -> events.onServerUnreachable(message));
      } else {
        Platform.runLater(() -> events.onJoinFailed(message));
      }
      return null;
    });
    return adapter;
  }

  /// The underlying session, for measurements ([CallSession#stats()]) in tests and diagnostics.
  public CallSession session() {
    return session;
  }

  private void pollStats() {
    try {
      List<ParticipantStats> stats = session.stats();
      Platform.runLater(() -> events.onStats(stats));
    } catch (RuntimeException e) {
      LOG.debug("Stats sample failed: {}", e.toString());
    }
  }

  // ---- CallListener: session thread ----

  @Override
  public void onJoined(Joined joined) {
    String title = joined.title() == null || joined.title().isBlank() ? joined.meetingId() : joined.title();
    List<ParticipantInfo> others = joined.participants().stream()
        .filter(p -> !p.participantId().equals(joined.participantId())).toList();
    Platform.runLater(() -> events.onJoined(title, others));
    joined.participants().stream().filter(p -> p.participantId().equals(joined.participantId())).findFirst()
        .ifPresent(self -> Platform.runLater(() -> events.onSelfUpdated(self)));
  }

  @Override
  public void onWaiting(String title) {
    Platform.runLater(events::onWaitingForHost);
  }

  @Override
  public void onWaitingRoomUpdated(List<WaitingParticipant> waiting) {
    Platform.runLater(() -> events.onWaitingRoomUpdated(waiting));
  }

  @Override
  public void onSelfUpdated(ParticipantInfo self) {
    Platform.runLater(() -> events.onSelfUpdated(self));
  }

  @Override
  public void onMediaStopped(MediaSource source, String reason) {
    Platform.runLater(() -> events.onMediaStopped(source, reason));
  }

  @Override
  public void onRoomUpdated(RoomUpdated rules) {
    Platform.runLater(() -> events.onRoomUpdated(rules));
  }

  @Override
  public void onParticipantJoined(ParticipantInfo participant) {
    Platform.runLater(() -> events.onParticipantJoined(participant));
  }

  @Override
  public void onParticipantUpdated(ParticipantInfo participant) {
    Platform.runLater(() -> events.onParticipantUpdated(participant));
  }

  @Override
  public void onParticipantLeft(String participantId) {
    Platform.runLater(() -> events.onParticipantLeft(participantId));
  }

  @Override
  public void onRemoteVideoTrack(String participantId, String trackId, MediaSource source, VideoTrack track) {
    VideoFeed feed = new VideoFeed(track);
    VideoFeed previous = feeds.put(trackId, feed);
    if (previous != null) {
      previous.detach();
    }
    Platform.runLater(() -> events.onRemoteVideo(participantId, trackId, source, feed));
  }

  @Override
  public void onLocalVideoTrack(@org.jspecify.annotations.Nullable VideoTrack track) {
    VideoFeed previous = localFeed;
    localFeed = track == null ? null : new VideoFeed(track);
    if (previous != null) {
      previous.detach();
    }
    VideoFeed next = localFeed;
    Platform.runLater(() -> events.onLocalVideo(next));
  }

  @Override
  public void onRemoteTrackEnded(String participantId, String trackId) {
    VideoFeed feed = feeds.remove(trackId);
    if (feed != null) {
      feed.detach();
      Platform.runLater(() -> events.onRemoteVideoEnded(participantId, trackId));
    }
  }

  @Override
  public void onReconnecting(boolean reconnecting) {
    Platform.runLater(() -> events.onReconnecting(reconnecting));
  }

  @Override
  public void onMediaUnreachable(boolean unreachable) {
    Platform.runLater(() -> events.onMediaUnreachable(unreachable));
  }

  @Override
  public void onRecordingStarted(String recordingId, boolean automatic) {
    Platform.runLater(() -> events.onRecordingChanged(true));
  }

  @Override
  public void onRecordingStopped(String recordingId, String reason) {
    Platform.runLater(() -> events.onRecordingChanged(false));
  }

  @Override
  public void onChatMessage(ChatEntry message) {
    Platform.runLater(() -> events.onChatMessage(message));
  }

  @Override
  public void onReaction(String participantId, String emoji) {
    Platform.runLater(() -> events.onReaction(participantId, emoji));
  }

  @Override
  public void onDominantSpeaker(String participantId) {
    Platform.runLater(() -> events.onDominantSpeaker(participantId));
  }

  @Override
  public void onError(ErrorCode code, String message) {
    Platform.runLater(() -> events.onError(message));
  }

  @Override
  public void onEnded(String reason) {
    statsTimer.shutdownNow();
    feeds.values().forEach(VideoFeed::detach);
    feeds.clear();
    if (localFeed != null) {
      localFeed.detach();
      localFeed = null;
    }
    Platform.runLater(() -> events.onEnded(reason));
  }

  // ---- CallControls: any thread ----

  @Override
  public void setAudioMuted(boolean muted) {
    session.setAudioMuted(muted);
  }

  @Override
  public void setVideoMuted(boolean muted) {
    session.setVideoMuted(muted);
  }

  @Override
  public void startScreenShare(ScreenInfo screen) {
    RobotScreenCapture capture;
    try {
      capture = new RobotScreenCapture(screen);
    } catch (AWTException | RuntimeException e) {
      LOG.warn("Screen {} cannot be captured: {}", screen.id(), e.toString());
      Platform.runLater(events::onScreenShareStopped);
      return;
    }
    session.startScreenShare(capture).exceptionally(error -> {
      LOG.warn("Screen share did not start: {}", error.toString());
      Platform.runLater(events::onScreenShareStopped);
      return null;
    });
  }

  @Override
  public void stopScreenShare() {
    session.stopScreenShare();
  }

  @Override
  public void setVideoReceiveHeight(String participantId, boolean screen, int height) {
    session.setVideoReceiveHeight(participantId, screen, height).exceptionally(error -> {
      LOG.debug("Receive settings not sent: {}", error.toString());
      return null;
    });
  }

  @Override
  public void sendChat(String text) {
    session.sendChat(text).exceptionally(error -> {
      LOG.warn("Chat message not sent: {}", error.toString());
      return null;
    });
  }

  @Override
  public void setHandRaised(boolean raised) {
    session.setHandRaised(raised);
  }

  @Override
  public void sendReaction(String emoji) {
    session.sendReaction(emoji);
  }

  @Override
  public void leave() {
    session.leave();
  }

  // ---- HostControls: any thread ----

  @Override
  public void admit(String waitingId) {
    session.admit(waitingId);
  }

  @Override
  public void deny(String waitingId) {
    session.deny(waitingId);
  }

  @Override
  public void stopMediaOf(String participantId, MediaSource source) {
    session.stopMediaOf(participantId, source);
  }

  @Override
  public void muteAll() {
    session.muteAll();
  }

  @Override
  public void remove(String participantId) {
    session.remove(participantId);
  }

  @Override
  public void makeHost(String participantId) {
    session.makeHost(participantId);
  }

  @Override
  public void setLocked(boolean locked) {
    session.setRoomLocked(locked);
  }

  @Override
  public void endMeeting() {
    session.endMeeting();
  }

  @Override
  public void setRecording(boolean recording) {
    if (recording) {
      session.startRecording();
    } else {
      session.stopRecording();
    }
  }
}
