package com.convene.desktop.ui.devices;

import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.media.DeviceList;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the device settings screen: the camera, microphone and speaker lists (real devices, then the
/// virtual test pattern and test tone), the chosen one of each, the running preview and the microphone level
/// (RMS, 0–1). A choice the user makes is saved at once; a chosen device that disappears is replaced by another
/// (with a message) until it comes back. The view calls [#tick()] every [#TICK_MILLIS] ms: it reads the level
/// and lists the devices again every [#REFRESH_TICKS] ticks (2 s). FX thread only.
public final class DevicesViewModel {
  /// Interval of [#tick()], ms.
  public static final long TICK_MILLIS = 100;
  /// Ticks between two device listings (2 s).
  static final int REFRESH_TICKS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(DevicesViewModel.class);

  private final ObservableList<DeviceInfo> cameras = FXCollections.observableArrayList();
  private final ObservableList<DeviceInfo> microphones = FXCollections.observableArrayList();
  private final ObservableList<DeviceInfo> speakers = FXCollections.observableArrayList();
  private final ObjectProperty<@Nullable DeviceInfo> camera = new SimpleObjectProperty<>();
  private final ObjectProperty<@Nullable DeviceInfo> microphone = new SimpleObjectProperty<>();
  private final ObjectProperty<@Nullable DeviceInfo> speaker = new SimpleObjectProperty<>();
  private final StringProperty cameraMessage = new SimpleStringProperty("");
  private final StringProperty microphoneMessage = new SimpleStringProperty("");
  private final StringProperty speakerMessage = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty level = new SimpleDoubleProperty(0);
  private final ObjectProperty<DevicesService.@Nullable Preview> preview = new SimpleObjectProperty<>();
  private final BooleanProperty loaded = new SimpleBooleanProperty();
  private final BooleanProperty previewOn = new SimpleBooleanProperty(true);
  private final BooleanProperty meterOn = new SimpleBooleanProperty(true);
  private final BooleanProperty noiseSuppression = new SimpleBooleanProperty(true);
  private final BooleanProperty speakerTesting = new SimpleBooleanProperty();
  private final DevicesService service;
  private final Background background;
  private final boolean patternByDefault;
  private final boolean toneByDefault;
  private final DeviceInfo testTone;
  private DeviceChoice wanted = DeviceChoice.DEFAULTS;
  private DeviceList present = DeviceList.NONE;
  private DevicesService.@Nullable LevelMeter meter;
  /// The devices the running (or starting) preview and meter show.
  private @Nullable DeviceInfo previewOf;
  private @Nullable DeviceInfo meterOf;
  private int previewGeneration;
  private int meterGeneration;
  private int ticks;
  private boolean refreshing;
  /// Set while the model itself changes a selection, so that it is not saved as the user's choice.
  private boolean applying;
  private boolean closed;

  /// @param patternByDefault preselect the test pattern when nothing was chosen (`--video=pattern`)
  /// @param toneHz           the test tone's frequency, Hz; 20–20,000 also preselects it when nothing was chosen
  ///                         (`--tone-hz`), anything else means 440 Hz and the microphone by default
  public DevicesViewModel(DevicesService service, Background background, boolean patternByDefault, double toneHz) {
    this.service = service;
    this.background = background;
    this.patternByDefault = patternByDefault;
    this.toneByDefault = toneHz >= 20 && toneHz <= 20_000;
    this.testTone = VirtualDevices.testTone(toneHz);
    camera.addListener((obs, was, now) -> chosen(now, was, true));
    microphone.addListener((obs, was, now) -> chosen(now, was, false));
    speaker.addListener((obs, was, now) -> {
      if (!applying && now != null) {
        save(new DeviceChoice(wanted.cameraId(), wanted.microphoneId(), now.id()));
      }
    });
    previewOn.addListener((obs, was, now) -> {
      if (loaded.get() && !closed) {
        startPreview(camera.get());
      }
    });
    meterOn.addListener((obs, was, now) -> {
      if (loaded.get() && !closed) {
        startMeter(microphone.get());
      }
    });
  }

  /// Whether the camera preview runs (the pre-join screen's camera switch); off stops the camera. On by default.
  public BooleanProperty previewOnProperty() {
    return previewOn;
  }

  /// Whether the microphone is measured (the pre-join screen's microphone switch); off closes it. On by default.
  public BooleanProperty meterOnProperty() {
    return meterOn;
  }

  /// The noise-suppression switch as saved; changing it with [#setNoiseSuppression] saves it.
  public BooleanProperty noiseSuppressionProperty() {
    return noiseSuppression;
  }

  /// Whether the speaker test sound is playing.
  public BooleanProperty speakerTestingProperty() {
    return speakerTesting;
  }

  /// Turns the microphone's noise suppression on or off for the next calls and saves it.
  public void setNoiseSuppression(boolean on) {
    noiseSuppression.set(on);
    background.run(() -> {
      service.saveNoiseSuppression(on);
      return on;
    }, saved -> status.set(Messages.get(saved ? "devices.noiseSuppression.on" : "devices.noiseSuppression.off")),
        failure -> {
          LOG.warn("Saving noise suppression failed: {}", failure.toString());
          status.set(Messages.get("devices.saveFailed"));
        });
  }

  /// Plays the test sound on the chosen speaker off the FX thread; the status says where it played.
  public void testSpeaker() {
    DeviceInfo chosen = speaker.get();
    if (chosen == null || speakerTesting.get()) {
      status.set(chosen == null ? Messages.get("devices.noSpeaker") : status.get());
      return;
    }
    speakerTesting.set(true);
    status.set(Messages.get("devices.speakerTest.playing", chosen.name()));
    background.run(() -> service.playTestSound(chosen), samples -> {
      speakerTesting.set(false);
      LOG.info("Speaker test on {}: {} samples played", chosen.name(), samples);
      status.set(samples > 0 ? Messages.get("devices.speakerTest.played", chosen.name())
          : Messages.get("devices.speakerTest.silent", chosen.name()));
    }, failure -> {
      speakerTesting.set(false);
      LOG.warn("Speaker test on {} failed: {}", chosen.name(), failure.toString());
      status.set(Messages.get("devices.speakerTest.failed", chosen.name()));
    });
  }

  public ObservableList<DeviceInfo> cameras() {
    return cameras;
  }

  public ObservableList<DeviceInfo> microphones() {
    return microphones;
  }

  public ObservableList<DeviceInfo> speakers() {
    return speakers;
  }

  public ObjectProperty<@Nullable DeviceInfo> cameraProperty() {
    return camera;
  }

  public ObjectProperty<@Nullable DeviceInfo> microphoneProperty() {
    return microphone;
  }

  public ObjectProperty<@Nullable DeviceInfo> speakerProperty() {
    return speaker;
  }

  /// "No camera found" while webrtc-java lists no camera, else empty.
  public StringProperty cameraMessageProperty() {
    return cameraMessage;
  }

  public StringProperty microphoneMessageProperty() {
    return microphoneMessage;
  }

  public StringProperty speakerMessageProperty() {
    return speakerMessage;
  }

  /// "Saved", a device that went away, or a device that failed to start.
  public StringProperty statusProperty() {
    return status;
  }

  /// The chosen microphone's level, RMS as a fraction of full scale, 0–1.
  public DoubleProperty levelProperty() {
    return level;
  }

  /// The running preview of the chosen camera, or null.
  public ObjectProperty<DevicesService.@Nullable Preview> previewProperty() {
    return preview;
  }

  /// Whether the first listing and the saved choice have arrived.
  public BooleanProperty loadedProperty() {
    return loaded;
  }

  /// The choice as it would be saved now.
  public DeviceChoice choice() {
    return wanted;
  }

  /// Reads the saved choice and the devices off the FX thread, selects, and starts preview and meter.
  public void load() {
    background.run(() -> new Loaded(service.saved(), service.devices(), service.noiseSuppression()), result -> {
      if (closed) {
        return;
      }
      wanted = result.saved();
      noiseSuppression.set(result.noiseSuppression());
      apply(result.devices());
      loaded.set(true);
    }, failure -> {
      LOG.warn("Device settings could not be read: {}", failure.toString());
      status.set(Messages.get("error.generic"));
    });
  }

  /// Lists the devices again (off the FX thread) and applies the change.
  public void refresh() {
    if (refreshing || closed) {
      return;
    }
    refreshing = true;
    background.run(service::devices, devices -> {
      refreshing = false;
      if (!closed && !devices.equals(present)) {
        LOG.info("Devices changed: {} cameras, {} microphones, {} speakers", devices.cameras().size(),
            devices.microphones().size(), devices.speakers().size());
        apply(devices);
      }
    }, failure -> {
      refreshing = false;
      LOG.warn("Listing devices failed: {}", failure.toString());
    });
  }

  /// Reads the level and, every [#REFRESH_TICKS] calls, lists the devices again.
  public void tick() {
    DevicesService.LevelMeter current = meter;
    level.set(current == null ? 0 : Math.max(0, Math.min(1, current.level())));
    if (++ticks % REFRESH_TICKS == 0) {
      refresh();
    }
  }

  /// Stops preview and meter (the screen was left).
  public void close() {
    closed = true;
    previewGeneration++;
    meterGeneration++;
    stop(preview.get());
    preview.set(null);
    stop(meter);
    meter = null;
    level.set(0);
  }

  /// Fills the lists from `devices` and selects the wanted devices, or a replacement with a message.
  private void apply(DeviceList devices) {
    present = devices;
    List<DeviceInfo> cameraList = new ArrayList<>(devices.cameras());
    cameraList.add(VirtualDevices.TEST_PATTERN);
    List<DeviceInfo> microphoneList = new ArrayList<>(devices.microphones());
    microphoneList.add(testTone);
    applying = true;
    try {
      DeviceInfo lostCamera = replace(cameras, cameraList, camera);
      DeviceInfo lostMicrophone = replace(microphones, microphoneList, microphone);
      DeviceInfo lostSpeaker = replace(speakers, devices.speakers(), speaker);
      camera.set(pick(cameraList, wanted.cameraId(), patternByDefault ? VirtualDevices.TEST_PATTERN : null,
          devices.cameras()));
      microphone.set(pick(microphoneList, wanted.microphoneId(), toneByDefault ? testTone : null,
          devices.microphones()));
      speaker.set(pick(devices.speakers(), wanted.speakerId(), null, devices.speakers()));
      reportLoss(lostCamera, camera.get());
      reportLoss(lostMicrophone, microphone.get());
      reportLoss(lostSpeaker, speaker.get());
    } finally {
      applying = false;
    }
    updateMessages();
    speakerMessage.set(devices.speakers().isEmpty() ? Messages.get("devices.noSpeaker") : "");
    if (preview.get() == null || !Objects.equals(previewOf, camera.get())) {
      startPreview(camera.get());
    }
    if (meter == null || !Objects.equals(meterOf, microphone.get())) {
      startMeter(microphone.get());
    }
  }

  /// "No camera found" only while no camera is present and the test pattern is not chosen instead (then there is
  /// nothing wrong to report); the same for the microphone and the test tone.
  private void updateMessages() {
    DeviceInfo chosenCamera = camera.get();
    DeviceInfo chosenMicrophone = microphone.get();
    cameraMessage.set(present.cameras().isEmpty()
        && (chosenCamera == null || !VirtualDevices.isVirtual(chosenCamera.id())) ? Messages.get("devices.noCamera") : "");
    microphoneMessage.set(present.microphones().isEmpty()
        && (chosenMicrophone == null || !VirtualDevices.isVirtual(chosenMicrophone.id()))
        ? Messages.get("devices.noMicrophone") : "");
  }

  /// Replaces a list's items; returns the selected device when it is no longer present, else null.
  private static @Nullable DeviceInfo replace(ObservableList<DeviceInfo> list, List<DeviceInfo> items,
      ObjectProperty<@Nullable DeviceInfo> selected) {
    DeviceInfo before = selected.get();
    if (!list.equals(items)) {
      list.setAll(items);
    }
    return before != null && !items.contains(before) ? before : null;
  }

  /// The wanted device when present, else the default, else the first real device, else null.
  private static @Nullable DeviceInfo pick(List<DeviceInfo> list, @Nullable String wantedId,
      @Nullable DeviceInfo fallback, List<DeviceInfo> real) {
    if (wantedId != null) {
      for (DeviceInfo device : list) {
        if (device.id().equals(wantedId)) {
          return device;
        }
      }
    }
    if (fallback != null) {
      return fallback;
    }
    return real.isEmpty() ? null : real.getFirst();
  }

  private void reportLoss(@Nullable DeviceInfo lost, @Nullable DeviceInfo now) {
    if (lost != null) {
      status.set(now == null ? Messages.get("devices.lost", lost.name())
          : Messages.get("devices.replaced", lost.name(), now.name()));
    }
  }

  /// A selection changed: the user's choice is saved and preview or meter follow it.
  private void chosen(@Nullable DeviceInfo now, @Nullable DeviceInfo was, boolean isCamera) {
    if (applying || closed || now == null || now.equals(was)) {
      return;
    }
    updateMessages();
    if (isCamera) {
      save(new DeviceChoice(now.id(), wanted.microphoneId(), wanted.speakerId()));
      startPreview(now);
    } else {
      save(new DeviceChoice(wanted.cameraId(), now.id(), wanted.speakerId()));
      startMeter(now);
    }
  }

  private void save(DeviceChoice choice) {
    wanted = choice;
    background.run(() -> {
      service.save(choice);
      return choice;
    }, saved -> status.set(Messages.get("devices.saved")), failure -> {
      LOG.warn("Saving the device choice failed: {}", failure.toString());
      status.set(Messages.get("devices.saveFailed"));
    });
  }

  private void startPreview(@Nullable DeviceInfo device) {
    int generation = ++previewGeneration;
    stop(preview.get());
    preview.set(null);
    previewOf = device;
    if (device == null || !previewOn.get()) {
      return;
    }
    background.run(() -> service.openPreview(device), started -> {
      if (closed || generation != previewGeneration) {
        stop(started);
      } else {
        preview.set(started);
      }
    }, failure -> {
      LOG.warn("Preview of {} did not start: {}", device.name(), failure.toString());
      if (generation == previewGeneration) {
        status.set(Messages.get("devices.cameraFailed", device.name()));
      }
    });
  }

  private void startMeter(@Nullable DeviceInfo device) {
    int generation = ++meterGeneration;
    stop(meter);
    meter = null;
    meterOf = device;
    level.set(0);
    if (device == null || !meterOn.get()) {
      return;
    }
    background.run(() -> service.openLevel(device), started -> {
      if (closed || generation != meterGeneration) {
        stop(started);
      } else {
        meter = started;
      }
    }, failure -> {
      LOG.warn("Level of {} did not start: {}", device.name(), failure.toString());
      if (generation == meterGeneration) {
        status.set(Messages.get("devices.microphoneFailed", device.name()));
      }
    });
  }

  /// Closes a preview or meter off the FX thread (a camera can take a while to stop).
  private void stop(@Nullable AutoCloseable running) {
    if (running != null) {
      background.run(() -> {
        running.close();
        return Boolean.TRUE;
      }, done -> { }, failure -> LOG.debug("Stopping {} failed: {}", running, failure.toString()));
    }
  }

  private record Loaded(DeviceChoice saved, DeviceList devices, boolean noiseSuppression) {}
}
