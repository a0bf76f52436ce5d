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

  /// Plays a short test sound (a 440 Hz tone of [#TEST_SOUND_MILLIS] ms) on `speaker` and returns when it is over.
  ///
  /// @return the audio samples the speaker pulled, 48 kHz (about 72,000 for the whole sound)
  /// @throws UnsupportedOperationException when this machine's audio has no speaker output (headless)
  default long playTestSound(DeviceInfo speaker) throws Exception {
    throw new UnsupportedOperationException("no speaker output");
  }

  /// Whether the microphone's noise suppression (webrtc-java's audio processing) is on; the settings key
  /// `noise-suppression`, on when not set.
  default boolean noiseSuppression() throws IOException {
    return true;
  }

  /// Remembers the noise-suppression switch in the user's settings.
  default void saveNoiseSuppression(boolean on) throws IOException {
    throw new UnsupportedOperationException("noise suppression cannot be changed here");
  }

  /// Length of [#playTestSound], ms.
  long TEST_SOUND_MILLIS = 1_500;

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
