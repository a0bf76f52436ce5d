package com.convene.desktop.call;

/// What this client receives from one remote participant, as measured at the track sinks.
/// @param participantId          participant id (UUID text)
/// @param displayName            shown name, or the id when unknown
/// @param framesDecoded          decoded video frames delivered to the sink since join, 0 or more
/// @param framesPerSecond        decoded frames in the last full second, 0 or more
/// @param bitrateBps             received RTP payload bitrate over the last stats interval in bit/s
///                               (audio plus video, from `inbound-rtp` stats), or -1 before the first sample
/// @param audioRms               RMS of the last second of decoded audio, 0–1 of full scale, or -1 without audio
/// @param joinToFirstFrameMillis ms from sending the join request to the first decoded frame, or -1
/// @param frameWidth             width of the last decoded frame in pixels, 0 before the first
/// @param frameHeight            height of the last decoded frame in pixels, 0 before the first
/// @param lastPatternCounter     frame counter read from a Convene test pattern in the last frame, or -1
/// @param lossFraction           share of this participant's packets lost over the last stats interval, 0–1
///                               (`inbound-rtp` `packetsLost` / expected), or -1 before the first sample
/// @param jitterMillis           largest interarrival jitter of their tracks in ms (`inbound-rtp` `jitter`), or -1
public record ParticipantStats(
    String participantId,
    String displayName,
    long framesDecoded,
    double framesPerSecond,
    long bitrateBps,
    double audioRms,
    long joinToFirstFrameMillis,
    int frameWidth,
    int frameHeight,
    int lastPatternCounter,
    double lossFraction,
    double jitterMillis) {

  /// Stats without loss and jitter samples (the sinks' measurements only).
  public ParticipantStats(String participantId, String displayName, long framesDecoded, double framesPerSecond,
      long bitrateBps, double audioRms, long joinToFirstFrameMillis, int frameWidth, int frameHeight,
      int lastPatternCounter) {
    this(participantId, displayName, framesDecoded, framesPerSecond, bitrateBps, audioRms, joinToFirstFrameMillis,
        frameWidth, frameHeight, lastPatternCounter, -1, -1);
  }
}
