package com.convene.desktop.ui.prejoin;

import com.convene.desktop.ui.devices.DevicesViewModel;
import com.convene.desktop.ui.meetings.JoinTarget;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// State of the pre-join screen: the meeting, the display name, and the camera and microphone switches, which
/// drive the preview and the level meter of the [DevicesViewModel] underneath (off stops the camera or closes
/// the microphone; the chosen devices are saved as on the device settings screen). Join hands a
/// [PreJoinChoice] over after stopping preview and meter, so the call can open the devices. FX thread only.
public final class PreJoinViewModel {
  /// Longest display name, characters (`CallConfig`).
  static final int MAX_NAME = 200;
  private final DevicesViewModel devices;
  private final JoinTarget target;
  private final StringProperty displayName = new SimpleStringProperty("");
  private final BooleanBinding canJoin;
  private final Consumer<PreJoinChoice> onJoin;
  private final Runnable onCancel;
  private boolean done;

  /// @param displayName the account's name, editable here
  /// @param micOn       whether the microphone starts on (off for a meeting that mutes joiners)
  public PreJoinViewModel(DevicesViewModel devices, JoinTarget target, String displayName, boolean micOn,
      Consumer<PreJoinChoice> onJoin, Runnable onCancel) {
    this.devices = devices;
    this.target = target;
    this.onJoin = onJoin;
    this.onCancel = onCancel;
    this.displayName.set(displayName);
    devices.meterOnProperty().set(micOn);
    canJoin = Bindings.createBooleanBinding(() -> !this.displayName.get().isBlank()
        && this.displayName.get().strip().length() <= MAX_NAME, this.displayName);
  }

  /// Reads devices and the saved choice and starts preview and meter as the switches say.
  public void load() {
    devices.load();
  }

  public DevicesViewModel devices() {
    return devices;
  }

  public JoinTarget target() {
    return target;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  /// The microphone switch: on measures the microphone here and joins unmuted.
  public BooleanProperty micOnProperty() {
    return devices.meterOnProperty();
  }

  /// The camera switch: on shows the preview here and joins sending video.
  public BooleanProperty cameraOnProperty() {
    return devices.previewOnProperty();
  }

  /// Whether the name is 1–200 characters.
  public BooleanBinding canJoinProperty() {
    return canJoin;
  }

  /// Stops preview and meter and joins with the name and switches as they are; no-op when the name is not
  /// usable or after the first call.
  public void join() {
    if (done || !canJoin.get()) {
      return;
    }
    done = true;
    devices.close();
    onJoin.accept(new PreJoinChoice(target, displayName.get().strip(), !micOnProperty().get(),
        !cameraOnProperty().get()));
  }

  /// Stops preview and meter and goes back without joining.
  public void cancel() {
    if (done) {
      return;
    }
    done = true;
    devices.close();
    onCancel.run();
  }
}
