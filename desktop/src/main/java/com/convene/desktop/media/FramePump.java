package com.convene.desktop.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Pushes frames from a [FrameProducer] into a `CustomVideoSource` at a fixed rate on its own daemon thread.
///
/// A failing producer is logged once and the pump keeps ticking (a screen capture can fail transiently).
final class FramePump implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FramePump.class);

  private final ScheduledExecutorService timer;
  private final CustomVideoSource source;
  private final FrameProducer producer;
  private long frameNumber;
  private boolean failureLogged;

  private FramePump(String name, CustomVideoSource source, FrameProducer producer) {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    this.source = source;
    this.producer = producer;
  }

  /// Starts pumping frames painted by `producer`.
  /// @param fps frames per second, 1–60
  static FramePump start(String name, CustomVideoSource source, int fps, FrameProducer producer) {
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("fps must be 1-60: " + fps);
    }
    FramePump pump = new FramePump(name, source, producer);
    long periodMicros = 1_000_000L / fps;
    pump.timer.scheduleAtFixedRate(pump::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    return pump;
  }

  /// Starts pumping frames grabbed from a screen capture source.
  static FramePump startCapture(String name, CustomVideoSource source, int fps, ScreenCaptureSource capture) {
    return start(name, source, fps, frameNumber -> capture.capture());
  }

  private void tick() {
    try {
      VideoFrameBuffer buffer = producer.next(frameNumber);
      if (buffer == null) {
        return;
      }
      VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
      try {
        source.pushFrame(frame);
      } finally {
        frame.release();
      }
      frameNumber++;
    } catch (Exception e) {
      if (!failureLogged) {
        failureLogged = true;
        LOG.warn("Video frame producer failed, skipping frames: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(1, TimeUnit.SECONDS)) {
        LOG.warn("Frame pump did not stop within 1 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
