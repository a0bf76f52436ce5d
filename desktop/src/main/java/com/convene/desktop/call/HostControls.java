package com.convene.desktop.call;

import com.convene.model.signal.MediaSource;

/// What a host (or admin) can ask of a running call: the waiting room and the host menu. Every method returns
/// at once; a refusal (`FORBIDDEN` when we are no host) comes back through [CallEvents#onError]. FX thread.
public interface HostControls {
  /// Lets a waiting joiner in.
  void admit(String waitingId);

  /// Turns a waiting joiner away.
  void deny(String waitingId);

  /// Turns off a participant's microphone (mute), camera or screen share.
  void stopMediaOf(String participantId, MediaSource source);

  /// Mutes everyone else.
  void muteAll();

  /// Removes a participant; it may not rejoin while the meeting runs.
  void remove(String participantId);

  /// Hands the host role to a participant.
  void makeHost(String participantId);

  /// Locks or unlocks the meeting for newcomers.
  void setLocked(boolean locked);

  /// Ends the meeting for everyone.
  void endMeeting();

  /// Starts or stops the server-side recording of the meeting; everyone's recording indicator follows, or a
  /// refusal (`RECORDING_DISABLED`, `FORBIDDEN`) comes back through [CallEvents#onError].
  void setRecording(boolean recording);
}
