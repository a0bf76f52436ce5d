package com.convene.desktop.ui.call;

import com.convene.desktop.call.ParticipantStats;

/// How well a remote participant's media reaches us, from the subscribe connection's WebRTC stats
/// (W3C webrtc-stats `inbound-rtp`: bitrate, packet loss, jitter) and the decoded frame rate.
public enum ConnectionQuality {
  /// No figures yet (just joined, or nothing is sent).
  UNKNOWN,
  GOOD,
  FAIR,
  POOR;

  /// Rates one participant's latest stats.
  ///
  /// Poor: 10 % or more packets lost, 100 ms or more jitter, or expected video below 5 frames/s.
  /// Fair: 3 % or more lost, 40 ms or more jitter, or expected video below 15 frames/s or 150 kbit/s.
  /// Good otherwise.
  /// @param videoExpected whether the participant's camera is on and a video track arrived, so a low frame
  ///                      rate means trouble rather than a camera that is off
  public static ConnectionQuality rate(ParticipantStats stats, boolean videoExpected) {
    if (stats.bitrateBps() < 0 && stats.lossFraction() < 0) {
      return UNKNOWN;
    }
    double loss = Math.max(0, stats.lossFraction());
    double jitter = Math.max(0, stats.jitterMillis());
    boolean video = videoExpected && stats.framesDecoded() > 0;
    if (loss >= 0.10 || jitter >= 100 || (video && stats.framesPerSecond() < 5)) {
      return POOR;
    }
    if (loss >= 0.03 || jitter >= 40
        || (video && (stats.framesPerSecond() < 15 || (stats.bitrateBps() >= 0 && stats.bitrateBps() < 150_000)))) {
      return FAIR;
    }
    return GOOD;
  }
}
