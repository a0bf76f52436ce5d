package com.convene.desktop.call;

import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import java.util.List;

/// Call events for the UI, always delivered on the FX thread by [FxCallAdapter].
public interface CallEvents {
  /// We are in; `others` are the participants already present.
  void onJoined(String title, List<ParticipantInfo> others);

  /// Joining failed; `message` is safe to show. [#onEnded] follows.
  void onJoinFailed(String message);

  void onParticipantJoined(ParticipantInfo participant);

  void onParticipantUpdated(ParticipantInfo participant);

  void onParticipantLeft(String participantId);

  /// Remote video started; attach a renderer to `feed`.
  void onRemoteVideo(String participantId, String trackId, MediaSource source, VideoFeed feed);

  /// Remote video ended; its feed delivers nothing more.
  void onRemoteVideoEnded(String participantId, String trackId);

  /// Our screen share stopped or could not start.
  void onScreenShareStopped();

  /// A chat message arrived, each once, oldest first.
  default void onChatMessage(ChatEntry message) {}

  /// Something failed; `message` is safe to show.
  void onError(String message);

  /// The call is over; see [CallListener#onEnded] for the reason words.
  void onEnded(String reason);
}
