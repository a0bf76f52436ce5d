package com.convene.desktop.call;

import com.convene.desktop.media.LocalTrack;
import com.convene.desktop.media.MediaEngine;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/// A local camera (or the test pattern) shown before joining: a local video track that is never published, its
/// frames handed to the FX thread through a [VideoFeed], newest first. Thread-safe; [#setRenderer] on the FX
/// thread.
public final class VideoPreview implements AutoCloseable {
  /// Preview size and rate: enough for a 480x270 preview, light on the CPU.
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int FPS = 15;

  private final LocalTrack track;
  private final VideoFeed feed;
  private boolean closed;

  private VideoPreview(LocalTrack track) {
    this.track = track;
    this.feed = new VideoFeed((VideoTrack) track.track());
  }

  /// Starts the camera with webrtc-java descriptor `cameraId` (640x360 @ 30 fps, as in a call), or the test
  /// pattern when `cameraId` is null. Blocking: never on the FX thread.
  ///
  /// @throws CallException when that camera is not present or does not start
  public static VideoPreview open(MediaEngine engine, @Nullable String cameraId) {
    if (cameraId == null) {
      return new VideoPreview(engine.createTestPatternTrack(WIDTH, HEIGHT, FPS));
    }
    return new VideoPreview(engine.createCameraTrack(cameraId, true)
        .orElseThrow(() -> new CallException("The camera could not be started.", (String) null)));
  }

  /// Sets who draws the frames, or null to stop drawing. FX thread only.
  public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {
    feed.setRenderer(renderer);
  }

  /// Stops the camera or pattern and releases the track. Blocking; any thread.
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.detach();
    track.close();
  }
}
