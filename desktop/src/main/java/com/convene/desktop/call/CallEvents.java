package com.convene.desktop.call;

import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.WaitingParticipant;
import java.util.List;

/// Call events for the UI, always delivered on the FX thread by [FxCallAdapter].
public interface CallEvents {
  /// We are in; `others` are the participants already present.
  void onJoined(String title, List<ParticipantInfo> others);

  /// Joining failed; `message` is safe to show. [#onEnded] follows.
  void onJoinFailed(String message);

  /// Joining failed because the server could not be reached (no answer, connection refused or lost; not a refusal
  /// by the server); `message` is safe to show. [#onEnded] with `join-failed` follows. By default the same as
  /// [#onJoinFailed].
  default void onServerUnreachable(String message) {
    onJoinFailed(message);
  }

  /// The meeting needs a password (`wrong`: the one we sent was wrong). [#onEnded] with `join-failed` follows;
  /// join again with the password the user enters.
  void onPasswordNeeded(boolean wrong);

  /// We sit in the waiting room until a host lets us in ([#onJoined]) or turns us away ([#onJoinFailed]).
  void onWaitingForHost();

  /// The waiting room as it stands (hosts and admins only), longest-waiting first.
  void onWaitingRoomUpdated(List<WaitingParticipant> waiting);

  /// Our own state as the room sees it (role, mute) changed.
  void onSelfUpdated(ParticipantInfo self);

  /// The server turned one of our media off; the call already stopped it.
  /// @param reason `host`, `mute-on-entry`, or `no-camera` (a call that asked for a camera found none and starts
  ///               with it off)
  void onMediaStopped(MediaSource source, String reason);

  /// The room's rules (lock, chat, screen share).
  void onRoomUpdated(RoomUpdated rules);

  void onParticipantJoined(ParticipantInfo participant);

  void onParticipantUpdated(ParticipantInfo participant);

  void onParticipantLeft(String participantId);

  /// Remote video started; attach a renderer to `feed`.
  void onRemoteVideo(String participantId, String trackId, MediaSource source, VideoFeed feed);

  /// Our own camera (or test pattern) as it is sent, for the self-view; `null` when the call stops sending video
  /// (the previous feed delivers nothing more).
  default void onLocalVideo(@org.jspecify.annotations.Nullable VideoFeed feed) {}

  /// Remote video ended; its feed delivers nothing more.
  void onRemoteVideoEnded(String participantId, String trackId);

  /// Our screen share stopped or could not start.
  void onScreenShareStopped();

  /// The meeting is being recorded (`true`) or no longer (`false`): show or hide the recording indicator.
  default void onRecordingChanged(boolean recording) {}

  /// The media connection is being re-established (`true`) or is back (`false`).
  default void onReconnecting(boolean reconnecting) {}

  /// A chat message arrived, each once, oldest first.
  default void onChatMessage(ChatEntry message) {}

  /// The latest measurements of every remote participant, about once a second.
  default void onStats(List<ParticipantStats> stats) {}

  /// A participant sent a reaction (an emoji); show it briefly.
  default void onReaction(String participantId, String emoji) {}

  /// The server names the room's dominant speaker (decision 100): speaker view features that participant.
  default void onDominantSpeaker(String participantId) {}

  /// Something failed; `message` is safe to show.
  void onError(String message);

  /// The call is over; see [CallListener#onEnded] for the reason words.
  void onEnded(String reason);

  /// Audio and video could not connect since joining (`true`) or connected after all (`false`).
  default void onMediaUnreachable(boolean unreachable) {}
}
