package com.convene.desktop.call;

import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Joined;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.WaitingParticipant;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;

/// Events of a [CallSession], delivered in order on the session thread (never the FX thread; use
/// [FxCallAdapter] for UI). Implementations must return quickly and must not call back into webrtc-java.
public interface CallListener {
  /// The server admitted us; `joined.participants()` are the others already present.
  default void onJoined(Joined joined) {}

  /// The server says `participantId` is the dominant speaker now (decision 100; docs/media-quality.md): speaker
  /// view puts that participant on the stage.
  default void onDominantSpeaker(String participantId) {}

  /// The meeting has a waiting room: we wait until a host admits us ([#onJoined]) or denies us (the join fails
  /// with `ADMISSION_DENIED`).
  default void onWaiting(String title) {}

  /// The waiting room changed; only hosts and admins get this. `waiting` is longest-waiting first.
  default void onWaitingRoomUpdated(List<WaitingParticipant> waiting) {}

  /// Our own state as the room sees it changed (role after a host hand-over, mute by a host, mute on entry).
  default void onSelfUpdated(ParticipantInfo self) {}

  /// The server turned one of our media off and the session already stopped it locally.
  /// @param reason `host`, `mute-on-entry`, or `no-camera` (a call that asked for a camera found none and starts
  ///               with it off)
  default void onMediaStopped(MediaSource source, String reason) {}

  /// The room's rules (lock, chat, screen share) as they stand now.
  default void onRoomUpdated(RoomUpdated rules) {}

  /// Someone joined.
  default void onParticipantJoined(ParticipantInfo participant) {}

  /// Someone's mute, camera or share state changed.
  default void onParticipantUpdated(ParticipantInfo participant) {}

  /// Our own video track as sent (camera, pattern or file), for a self-view; `null` right before it is closed. A
  /// camera switch reports the new track before the old one closes. Sinks added here must be removed by then.
  default void onLocalVideoTrack(@org.jspecify.annotations.Nullable VideoTrack track) {}

  /// Someone left; their tiles should go.
  default void onParticipantLeft(String participantId) {}

  /// A remote video track started arriving. Add sinks here; they get frames on a decoder thread.
  default void onRemoteVideoTrack(String participantId, String trackId, MediaSource source, VideoTrack track) {}

  /// A remote track ended (unpublished or its publisher left); its sinks were already removed by the session.
  default void onRemoteTrackEnded(String participantId, String trackId) {}

  /// The local publish connection reached a state worth showing, e.g. `CONNECTED` or `FAILED`.
  default void onPublishState(String state) {}

  /// The media connection or the signaling socket to the server was lost after it had been up (`true`: the app
  /// should say "reconnecting"; libwebrtc keeps checking the path, [SignalingReconnector] resumes the socket) or
  /// both are back (`false`). See [MediaLinkMonitor].
  default void onReconnecting(boolean reconnecting) {}

  /// The meeting started being recorded (also sent right after joining while a recording runs).
  /// @param recordingId the recording
  /// @param automatic   whether the meeting's `auto_record` started it
  default void onRecordingStarted(String recordingId, boolean automatic) {}

  /// The recording ended.
  /// @param recordingId the recording
  /// @param reason      `stopped` or `failed`
  default void onRecordingStopped(String recordingId, String reason) {}

  /// A chat message arrived (ours included: that copy is the server's acknowledgement), each message once, in
  /// arrival order; the history sent on join comes first.
  default void onChatMessage(ChatEntry message) {}

  /// Someone (we too) sent a reaction; show it briefly.
  default void onReaction(String participantId, String emoji) {}

  /// The server refused a request; `message` is safe to show.
  default void onError(ErrorCode code, String message) {}

  /// The call is over: we left, were removed, or the connection was lost. Called once.
  /// @param reason stable word: `left`, `removed`, `meeting-ended`, `connection-lost`, `resume-refused`
  ///               (signaling came back but the server no longer had us), `join-failed`
  default void onEnded(String reason) {}

  /// Audio and video could not connect at all since joining (`true`: likely a firewall or VPN dropping UDP to the
  /// meeting server's media port), or connected after all (`false`). See [MediaSetupWatch].
  default void onMediaUnreachable(boolean unreachable) {}
}
