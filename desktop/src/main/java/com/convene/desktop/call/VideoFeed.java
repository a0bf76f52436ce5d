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

  /// Starts taking `track`'s frames (a remote track, or our own for the self-view); [#detach()] before the track
  /// is closed.
  public VideoFeed(VideoTrack track) {
    this.track = track;
    track.addSink(sink);
  }

  /// Sets who draws the frames, or `null` to stop drawing. FX thread only.
  public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {
    this.renderer = renderer;
  }

  /// Runs on a libwebrtc decoder thread. webrtc-java hands every sink its own copy of the frame with one
  /// reference that the sink owns (`VideoTrackSink.cpp`: `I420Buffer::Copy` + `AddRef`), so this feed keeps that
  /// reference and releases it once the frame is drawn or replaced; retaining it again leaked every frame
  /// (about 59 MB/s in a 4-tile call, `DesktopFootprintBench`).
  private void onFrame(VideoFrame frame) {
    if (!attached) {
      frame.release();
      return;
    }
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
  public void detach() {
    attached = false;
    track.removeSink(sink);
    VideoFrame pending = latest.getAndSet(null);
    if (pending != null) {
      pending.release();
    }
  }
}
