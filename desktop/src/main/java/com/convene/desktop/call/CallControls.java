package com.convene.desktop.call;

import com.convene.desktop.media.ScreenInfo;

/// What the call screen can ask of a running call. Every method returns at once (work happens on the
/// session thread); failures come back through [CallEvents#onError]. FX thread.
public interface CallControls {
  void setAudioMuted(boolean muted);

  void setVideoMuted(boolean muted);

  /// Starts sharing `screen`; [CallEvents#onScreenShareStopped] reports when it could not start.
  void startScreenShare(ScreenInfo screen);

  void stopScreenShare();

  /// Sends a chat message (1–4,000 characters); it appears through [CallEvents#onChatMessage] once stored.
  default void sendChat(String text) {}

  /// Raises (`true`) or lowers our hand; everyone sees it in our participant state.
  default void setHandRaised(boolean raised) {}

  /// Sends a reaction (an emoji) that everyone sees briefly over our tile.
  default void sendReaction(String emoji) {}

  /// Says how large a remote participant's camera (or, with `screen`, screen share) is drawn, so the server sends
  /// the simulcast layer that fits (decision 100).
  ///
  /// @param participantId the publisher
  /// @param screen        its screen share rather than its camera
  /// @param height        drawn height in device pixels, 0 when not on screen
  default void setVideoReceiveHeight(String participantId, boolean screen, int height) {}

  /// Leaves; [CallEvents#onEnded] follows.
  void leave();
}
