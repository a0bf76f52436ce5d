package com.convene.desktop.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import com.convene.desktop.ui.Background;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/// The device settings' rules with a fake device list: defaults and remembered choices, "No camera found", saving
/// what the user picks (and only that), previews and meters following the choice, the level read on each tick,
/// and devices plugged in or out noticed by the 2 s listing.
class DevicesViewModelTest {
  private static final DeviceInfo WEBCAM = new DeviceInfo("/dev/video0", "HD Webcam");
  private static final DeviceInfo DOCK_CAMERA = new DeviceInfo("/dev/video2", "Dock camera");
  private static final DeviceInfo HEADSET_MIC = new DeviceInfo("alsa_input.usb-headset", "USB headset");
  private static final DeviceInfo BUILT_IN_MIC = new DeviceInfo("alsa_input.pci", "Built-in microphone");
  private static final DeviceInfo SPEAKERS = new DeviceInfo("alsa_output.pci", "Speakers");

  /// Runs work at once on the calling thread.
  private static final Background NOW = new Background() {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      T result;
      try {
        result = work.call();
      } catch (Exception e) {
        onFailure.accept(e);
        return;
      }
      onSuccess.accept(result);
    }
  };

  private static final class FakeMachine implements DevicesService {
    DeviceList devices = DeviceList.NONE;
    DeviceChoice saved = DeviceChoice.DEFAULTS;
    final List<DeviceChoice> saves = new ArrayList<>();
    final List<String> opened = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    double level = 0.2;

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
      saves.add(choice);
    }

    @Override
    public Preview openPreview(DeviceInfo camera) {
      opened.add("preview " + camera.name());
      return new Preview() {
        @Override
        public void setRenderer(@Nullable Consumer<VideoFrame> renderer) {}

        @Override
        public void close() {
          closed.add("preview " + camera.name());
        }
      };
    }

    @Override
    public LevelMeter openLevel(DeviceInfo microphone) {
      opened.add("level " + microphone.name());
      return new LevelMeter() {
        @Override
        public double level() {
          return level;
        }

        @Override
        public void close() {
          closed.add("level " + microphone.name());
        }
      };
    }
  }

  private final FakeMachine machine = new FakeMachine();

  private DevicesViewModel open(boolean pattern, double toneHz) {
    DevicesViewModel model = new DevicesViewModel(machine, NOW, pattern, toneHz);
    model.load();
    return model;
  }

  @Test
  void saysNoCameraFoundAndOffersTheVirtualSourcesOnAMachineWithoutDevices() {
    DevicesViewModel model = open(false, 0);

    assertThat(model.cameraMessageProperty().get()).isEqualTo("No camera found");
    assertThat(model.microphoneMessageProperty().get()).isEqualTo("No microphone found");
    assertThat(model.speakerMessageProperty().get()).isEqualTo("No speaker found");
    assertThat(model.cameras()).containsExactly(VirtualDevices.TEST_PATTERN);
    assertThat(model.microphones()).extracting(DeviceInfo::name).containsExactly("Test tone (440 Hz)");
    assertThat(model.cameraProperty().get()).isNull();
    assertThat(model.previewProperty().get()).isNull();
    assertThat(machine.opened).isEmpty();
    assertThat(machine.saves).isEmpty();
  }

  @Test
  void preselectsThePatternAndToneOfTheStartOptions() {
    DevicesViewModel model = open(true, 880);

    assertThat(model.cameraProperty().get()).isEqualTo(VirtualDevices.TEST_PATTERN);
    assertThat(model.microphoneProperty().get().name()).isEqualTo("Test tone (880 Hz)");
    assertThat(machine.opened).containsExactly("preview Test pattern", "level Test tone (880 Hz)");
    assertThat(model.previewProperty().get()).isNotNull();
    assertThat(machine.saves).as("a default is not the user's choice").isEmpty();
  }

  @Test
  void choosesTheFirstRealDevicesOrTheRememberedOnes() {
    machine.devices = new DeviceList(List.of(WEBCAM, DOCK_CAMERA), List.of(BUILT_IN_MIC, HEADSET_MIC),
        List.of(SPEAKERS));
    DevicesViewModel first = open(false, 0);
    assertThat(first.cameraProperty().get()).isEqualTo(WEBCAM);
    assertThat(first.microphoneProperty().get()).isEqualTo(BUILT_IN_MIC);
    assertThat(first.speakerProperty().get()).isEqualTo(SPEAKERS);
    assertThat(first.cameraMessageProperty().get()).isEmpty();
    first.close();

    machine.saved = new DeviceChoice(DOCK_CAMERA.id(), HEADSET_MIC.id(), null);
    DevicesViewModel remembered = open(true, 440);
    assertThat(remembered.cameraProperty().get()).isEqualTo(DOCK_CAMERA);
    assertThat(remembered.microphoneProperty().get()).isEqualTo(HEADSET_MIC);
  }

  @Test
  void savesWhatTheUserPicksAndMovesThePreviewAndMeterToIt() {
    machine.devices = new DeviceList(List.of(WEBCAM), List.of(BUILT_IN_MIC), List.of(SPEAKERS));
    DevicesViewModel model = open(false, 0);
    machine.opened.clear();

    model.cameraProperty().set(VirtualDevices.TEST_PATTERN);
    model.microphoneProperty().set(model.microphones().getLast());

    assertThat(machine.saved).isEqualTo(new DeviceChoice("convene:test-pattern", "convene:test-tone", null));
    assertThat(model.choice()).isEqualTo(machine.saved);
    assertThat(machine.closed).containsExactly("preview HD Webcam", "level Built-in microphone");
    assertThat(machine.opened).containsExactly("preview Test pattern", "level Test tone (440 Hz)");
    assertThat(model.statusProperty().get()).startsWith("Saved");

    model.speakerProperty().set(null);
    assertThat(machine.saves).hasSize(2);
  }

  @Test
  void readsTheLevelOnEachTick() {
    DevicesViewModel model = open(true, 440);
    model.tick();
    assertThat(model.levelProperty().get()).isEqualTo(0.2);
    machine.level = 0.05;
    model.tick();
    assertThat(model.levelProperty().get()).isEqualTo(0.05);
    model.close();
    assertThat(model.levelProperty().get()).isZero();
    assertThat(machine.closed).containsExactlyInAnyOrder("preview Test pattern", "level Test tone (440 Hz)");
  }

  @Test
  void fallsBackWhenTheChosenCameraIsUnpluggedAndReturnsToItWhenPluggedIn() {
    machine.devices = new DeviceList(List.of(WEBCAM, DOCK_CAMERA), List.of(), List.of());
    machine.saved = new DeviceChoice(DOCK_CAMERA.id(), null, null);
    DevicesViewModel model = open(false, 0);
    assertThat(model.cameraProperty().get()).isEqualTo(DOCK_CAMERA);

    machine.devices = new DeviceList(List.of(WEBCAM), List.of(), List.of());
    for (int i = 0; i < DevicesViewModel.REFRESH_TICKS; i++) {
      model.tick();
    }
    assertThat(model.cameras()).containsExactly(WEBCAM, VirtualDevices.TEST_PATTERN);
    assertThat(model.cameraProperty().get()).isEqualTo(WEBCAM);
    assertThat(model.statusProperty().get()).isEqualTo("Dock camera was disconnected; using HD Webcam.");
    assertThat(machine.opened).endsWith("preview HD Webcam");
    assertThat(machine.saved.cameraId()).as("the choice is kept for when it returns").isEqualTo(DOCK_CAMERA.id());

    machine.devices = new DeviceList(List.of(), List.of(), List.of());
    model.refresh();
    assertThat(model.cameraProperty().get()).isNull();
    assertThat(model.cameraMessageProperty().get()).isEqualTo("No camera found");
    assertThat(model.statusProperty().get()).isEqualTo("HD Webcam was disconnected.");

    machine.devices = new DeviceList(List.of(WEBCAM, DOCK_CAMERA), List.of(), List.of());
    model.refresh();
    assertThat(model.cameraProperty().get()).isEqualTo(DOCK_CAMERA);
    assertThat(model.cameraMessageProperty().get()).isEmpty();
    assertThat(machine.opened).endsWith("preview Dock camera");
  }
}
