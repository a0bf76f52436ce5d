package com.convene.desktop.app;

import com.convene.desktop.app.settings.ConfigLocations;
import com.convene.desktop.app.settings.LayeredSettings;
import com.convene.desktop.call.CallException;
import com.convene.desktop.call.VideoPreview;
import com.convene.desktop.media.AudioLevelProbe;
import com.convene.desktop.media.DeviceCatalog;
import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.SpeakerTestSound;
import com.convene.desktop.ui.devices.DevicesService;
import com.convene.desktop.ui.devices.VirtualDevices;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/// [DevicesService] on the app's media engine and the user's settings file: devices from [DeviceCatalog],
/// previews through [VideoPreview], levels through [AudioLevelProbe]. Blocking throughout (off the FX thread).
final class EngineDevicesService implements DevicesService {
  private final Supplier<MediaEngine> engine;
  private final ConfigLocations where;
  private final double toneHz;

  /// @param engine the app's media engine, started on first use (blocks)
  /// @param toneHz the test tone's frequency, Hz (`--tone-hz`; outside 20–20,000 the 440 Hz default)
  EngineDevicesService(Supplier<MediaEngine> engine, ConfigLocations where, double toneHz) {
    this.engine = engine;
    this.where = where;
    this.toneHz = VirtualDevices.toneHz(toneHz);
  }

  /// The remembered choice from the settings layers (the preset may set a default).
  static DeviceChoice savedChoice(ConfigLocations where) {
    return DeviceChoice.fromSettings(LayeredSettings.load(where, Map.of()).asMap());
  }

  @Override
  public DeviceList devices() {
    return DeviceCatalog.current();
  }

  @Override
  public DeviceChoice saved() {
    return savedChoice(where);
  }

  @Override
  public void save(DeviceChoice choice) throws IOException {
    LayeredSettings.saveUser(where, choice.toSettings());
  }

  /// Settings key of the noise-suppression switch (`true` or `false`; on when not set).
  static final String NOISE_SUPPRESSION = "noise-suppression";

  /// The saved noise-suppression switch from the settings layers.
  static boolean savedNoiseSuppression(ConfigLocations where) {
    return com.convene.desktop.app.settings.AppSettings.flag(
        com.convene.desktop.app.settings.AppSettings.load(where), NOISE_SUPPRESSION, true);
  }

  @Override
  public boolean noiseSuppression() {
    return savedNoiseSuppression(where);
  }

  @Override
  public void saveNoiseSuppression(boolean on) throws IOException {
    LayeredSettings.saveUser(where, Map.of(NOISE_SUPPRESSION, Boolean.toString(on)));
  }

  @Override
  public long playTestSound(DeviceInfo speaker) throws InterruptedException {
    if (!engine.get().realAudioDevices()) {
      throw new UnsupportedOperationException("headless audio has no speaker output");
    }
    return SpeakerTestSound.play(speaker.id(), TEST_SOUND_MILLIS);
  }

  @Override
  public Preview openPreview(DeviceInfo camera) {
    VideoPreview preview = VideoPreview.open(engine.get(),
        camera.equals(VirtualDevices.TEST_PATTERN) ? null : camera.id());
    return new Preview() {
      @Override
      public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {
        preview.setRenderer(renderer);
      }

      @Override
      public void close() {
        preview.close();
      }
    };
  }

  @Override
  public LevelMeter openLevel(DeviceInfo microphone) {
    AudioLevelProbe probe = VirtualDevices.isVirtual(microphone.id()) ? AudioLevelProbe.tone(toneHz)
        : engine.get().microphoneLevel(microphone.id())
            .orElseThrow(() -> new CallException("The microphone could not be opened.", (String) null));
    return new LevelMeter() {
      @Override
      public double level() {
        return probe.rms();
      }

      @Override
      public void close() {
        probe.close();
      }
    };
  }
}
