package com.convene.desktop.call;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.jspecify.annotations.Nullable;

/// Delivers one remote video track's frames to the FX thread, newest first: while the FX thread is busy,
/// older frames are dropped (released) instead of queued, so rendering never lags behind.
///
/// The renderer receives each frame on the FX thread and may read it only during the call; the feed releases
/// it afterwards. This and [FxCallAdapter] are the only places where webrtc-java reaches the FX thread.
public final class VideoFeed {
  private final VideoTrack track;
  private final AtomicReference<@Nullable VideoFrame> latest = new AtomicReference<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final VideoTrackSink sink = this::onFrame;
  private volatile boolean attached = true;
  private @Nullable Consumer<VideoFrame> renderer;

  VideoFeed(VideoTrack track) {
    this.track = track;
    track.addSink(sink);
  }

  /// Sets who draws the frames, or `null` to stop drawing. FX thread only.
  public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {
    this.renderer = renderer;
  }

  /// Runs on a libwebrtc decoder thread.
  private void onFrame(VideoFrame frame) {
    if (!attached) {
      return;
    }
    frame.retain();
    VideoFrame dropped = latest.getAndSet(frame);
    if (dropped != null) {
      dropped.release();
    }
    if (drainScheduled.compareAndSet(false, true)) {
      Platform.runLater(this::drain);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    VideoFrame frame = latest.getAndSet(null);
    if (frame == null) {
      return;
    }
    try {
      Consumer<VideoFrame> target = renderer;
      if (target != null && attached) {
        target.accept(frame);
      }
    } finally {
      frame.release();
    }
  }

  /// Stops the feed and removes its sink; call on the session thread (the track may be gone afterwards).
  void detach() {
    attached = false;
    track.removeSink(sink);
    VideoFrame pending = latest.getAndSet(null);
    if (pending != null) {
      pending.release();
    }
  }
}
