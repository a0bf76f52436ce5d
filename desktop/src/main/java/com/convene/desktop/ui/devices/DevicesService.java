package com.convene.desktop.ui.devices;

import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/// What the device settings screen needs from the machine: every method blocks (device enumeration, the media
/// engine's start, file IO) and is called off the FX thread.
public interface DevicesService {
  /// The real devices present now.
  DeviceList devices();

  /// The remembered choice.
  DeviceChoice saved() throws IOException;

  /// Remembers `choice` in the user's settings.
  void save(DeviceChoice choice) throws IOException;

  /// Starts a preview of `camera`, a real camera or [VirtualDevices#TEST_PATTERN].
  Preview openPreview(DeviceInfo camera) throws Exception;

  /// Starts measuring `microphone`, a real microphone or a [VirtualDevices#testTone].
  LevelMeter openLevel(DeviceInfo microphone) throws Exception;

  /// A running camera preview; frames reach the renderer on the FX thread.
  interface Preview extends AutoCloseable {
    /// Sets who draws the frames, or null to stop. FX thread only.
    void setRenderer(@Nullable Consumer<VideoFrame> renderer);

    /// Stops the camera (or pattern). Blocking; any thread.
    @Override
    void close();
  }

  /// A running level measurement.
  interface LevelMeter extends AutoCloseable {
    /// The latest RMS level, 0–1. Any thread.
    double level();

    /// Stops the measurement. Blocking; any thread.
    @Override
    void close();
  }
}
