package com.convene.desktop.media;

import com.convene.model.signal.MediaSource;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A local audio or video track together with whatever feeds it (a generator thread, a device, a capturer).
///
/// Thread-safe. [#close()] stops the feeder, then disposes the track and its native source; call it only
/// after the track was removed from every peer connection.
public final class LocalTrack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTrack.class);
  private final MediaStreamTrack track;
  private final MediaSource source;
  private final Runnable releaseFeeder;
  private final Runnable disposeSource;
  private final Consumer<Boolean> feedControl;
  private final boolean needsExclusiveAudioPath;
  private final String trackId;
  private boolean closed;
  /// The webrtc-java descriptor of the camera or microphone feeding it, or null for a generated source.
  private volatile @Nullable String deviceId;

  /// @param releaseFeeder stops whatever pushes into the source (runs first)
  /// @param disposeSource disposes the native source (runs after the track is disposed)
  LocalTrack(MediaStreamTrack track, MediaSource source, Runnable releaseFeeder, Runnable disposeSource) {
    this(track, source, releaseFeeder, disposeSource, feeding -> {}, false);
  }

  LocalTrack(MediaStreamTrack track, MediaSource source, Runnable releaseFeeder, Runnable disposeSource,
      Consumer<Boolean> feedControl, boolean needsExclusiveAudioPath) {
    this.track = track;
    this.trackId = track.getId();
    this.source = source;
    this.releaseFeeder = releaseFeeder;
    this.disposeSource = disposeSource;
    this.feedControl = feedControl;
    this.needsExclusiveAudioPath = needsExclusiveAudioPath;
  }

  /// The descriptor of the device feeding this track (a camera), or null for a pattern, tone, file or screen.
  public @Nullable String deviceId() {
    return deviceId;
  }

  /// Records which device feeds the track; returns this.
  LocalTrack fromDevice(String descriptor) {
    this.deviceId = descriptor;
    return this;
  }

  /// Whether this is a pushed (custom) audio track that may only feed after
  /// [MediaEngine#stopDeviceCapture()]; such tracks start paused.
  public boolean needsExclusiveAudioPath() {
    return needsExclusiveAudioPath;
  }

  /// Pauses or resumes a pushed audio feed; no-op for other tracks.
  public synchronized void setFeeding(boolean feeding) {
    if (!closed) {
      feedControl.accept(feeding);
    }
  }

  /// The webrtc-java track to add to a peer connection.
  public MediaStreamTrack track() {
    return track;
  }

  /// The track id, as it appears in the SDP `a=msid` line.
  public String trackId() {
    return trackId;
  }

  /// What this track captures.
  public MediaSource source() {
    return source;
  }

  /// Enables or disables sending; a disabled video track sends black frames, a disabled audio track silence.
  public synchronized void setEnabled(boolean enabled) {
    if (!closed) {
      track.setEnabled(enabled);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    releaseFeeder.run();
    try {
      track.dispose();
      disposeSource.run();
    } catch (Error e) {
      // webrtc-java throws java.lang.Error when a sender still references the track; the native object is
      // then freed with its peer connection. Never let that take the app down.
      LOG.debug("Track {} still referenced at close: {}", trackId, e.getMessage());
    }
  }
}
