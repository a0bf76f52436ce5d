package com.convene.desktop.call;

import com.convene.desktop.media.TestPattern;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.concurrent.TimeUnit;

/// Measures one remote participant's media at the track sinks: frames decoded, frame rate, audio RMS, time
/// to first frame, and the test-pattern counter when the sender is a Convene bot.
///
/// Sinks run on libwebrtc's decoder and audio threads; fields are written there and read by [#snapshot]
/// from any thread, so they are volatile or guarded by this object.
final class RemoteMeter {
  private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String participantId;
  private final long joinSentNanos;
  private volatile long framesDecoded;
  private volatile long firstFrameNanos = -1;
  private volatile double framesPerSecond;
  private volatile int frameWidth;
  private volatile int frameHeight;
  private volatile int lastPatternCounter = -1;
  private volatile double audioRms = -1;
  private volatile long bitrateBps = -1;
  private volatile double lossFraction = -1;
  private volatile double jitterMillis = -1;
  private long fpsWindowStart;
  private long fpsWindowFrames;
  private double rmsSumSquares;
  private long rmsSamples;

  final VideoTrackSink videoSink = this::onVideoFrame;
  final AudioTrackSink audioSink = this::onAudio;

  RemoteMeter(String participantId, long joinSentNanos) {
    this.participantId = participantId;
    this.joinSentNanos = joinSentNanos;
  }

  /// Counts a decoded frame and reads its test-pattern counter. The sink owns the frame webrtc-java hands it
  /// (a copy with one reference, see [VideoFeed]) and releases it here.
  private void onVideoFrame(VideoFrame frame) {
    try {
      count(frame);
    } finally {
      frame.release();
    }
  }

  private synchronized void count(VideoFrame frame) {
    long now = System.nanoTime();
    if (firstFrameNanos < 0) {
      firstFrameNanos = now;
      fpsWindowStart = now;
    }
    framesDecoded++;
    fpsWindowFrames++;
    if (now - fpsWindowStart >= SECOND_NANOS) {
      framesPerSecond = fpsWindowFrames * (double) SECOND_NANOS / (now - fpsWindowStart);
      fpsWindowStart = now;
      fpsWindowFrames = 0;
    }
    frameWidth = frame.buffer.getWidth();
    frameHeight = frame.buffer.getHeight();
    if (frame.buffer instanceof I420Buffer i420) {
      lastPatternCounter = TestPattern.readCounter(i420.getDataY(), i420.getStrideY(), frameWidth, frameHeight);
    }
  }

  private synchronized void onAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
    if (bitsPerSample != 16) {
      return;
    }
    int samples = Math.min(frames * channels, data.length / 2);
    for (int i = 0; i < samples; i++) {
      int sample = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
      double normalized = sample / 32768.0;
      rmsSumSquares += normalized * normalized;
    }
    rmsSamples += samples;
    if (rmsSamples >= (long) sampleRate * channels) {
      audioRms = Math.sqrt(rmsSumSquares / rmsSamples);
      rmsSumSquares = 0;
      rmsSamples = 0;
    }
  }

  void bitrateBps(long bitrate) {
    this.bitrateBps = bitrate;
  }

  /// The subscribe connection's latest receive figures for this participant.
  void inbound(InboundBitrate.Inbound inbound) {
    this.bitrateBps = inbound.bitrateBps();
    this.lossFraction = inbound.lossFraction();
    this.jitterMillis = inbound.jitterMillis();
  }

  boolean hasVideo() {
    return framesDecoded > 0;
  }

  ParticipantStats snapshot(String displayName) {
    long first = firstFrameNanos;
    return new ParticipantStats(
        participantId,
        displayName,
        framesDecoded,
        framesPerSecond,
        bitrateBps,
        audioRms,
        first < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(first - joinSentNanos),
        frameWidth,
        frameHeight,
        lastPatternCounter,
        lossFraction,
        jitterMillis);
  }
}
