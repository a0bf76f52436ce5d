package com.convene.desktop.ui.devices;

import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/// A machine's devices for screen tests: a device list and saved settings that the test sets, and a record of
/// every camera and microphone opened and closed, every choice saved, each speaker test and the noise switch.
/// Opening and closing are what the screens decide; the engine behind them is tested in `e2e` (DesktopDevicesIT).
public class RecordingMachine implements DevicesService {
  public static final DeviceInfo WEBCAM = new DeviceInfo("/dev/video0", "HD Webcam");
  public static final DeviceInfo HEADSET_MIC = new DeviceInfo("alsa_input.usb-headset", "USB headset");
  public static final DeviceInfo SPEAKERS = new DeviceInfo("alsa_output.pci", "Speakers");

  public DeviceList devices = DeviceList.NONE;
  public DeviceChoice saved = DeviceChoice.DEFAULTS;
  public boolean noiseSuppression = true;
  public final List<String> events = new ArrayList<>();
  /// Samples the speaker pulls per test sound (48 kHz × 1.5 s).
  public long speakerSamples = 72_000;
  public double level = 0.2;

  @Override
  public DeviceList devices() {
    return devices;
  }

  @Override
  public DeviceChoice saved() {
    return saved;
  }

  @Override
  public void save(DeviceChoice choice) {
    saved = choice;
    events.add("save " + choice);
  }

  @Override
  public long playTestSound(DeviceInfo speaker) {
    events.add("test sound on " + speaker.name());
    return speakerSamples;
  }

  @Override
  public boolean noiseSuppression() {
    return noiseSuppression;
  }

  @Override
  public void saveNoiseSuppression(boolean on) {
    noiseSuppression = on;
    events.add("noise suppression " + on);
  }

  @Override
  public Preview openPreview(DeviceInfo camera) {
    events.add("open preview " + camera.name());
    return new Preview() {
      @Override
      public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {}

      @Override
      public void close() {
        events.add("close preview " + camera.name());
      }
    };
  }

  @Override
  public LevelMeter openLevel(DeviceInfo microphone) {
    events.add("open level " + microphone.name());
    return new LevelMeter() {
      @Override
      public double level() {
        return level;
      }

      @Override
      public void close() {
        events.add("close level " + microphone.name());
      }
    };
  }

  /// The events that open or close a preview or a meter, in order.
  public List<String> openedAndClosed() {
    return events.stream().filter(e -> e.startsWith("open ") || e.startsWith("close ")).toList();
  }
}
