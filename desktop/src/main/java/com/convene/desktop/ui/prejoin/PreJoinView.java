package com.convene.desktop.ui.prejoin;

import atlantafx.base.theme.Styles;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.desktop.ui.devices.DevicesViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The pre-join screen, bound to a [PreJoinViewModel]: "Ready to join?" with the meeting's title, the camera
/// preview (or "Camera is off"), the microphone level, camera and microphone switches with their device choices,
/// the display name, Join and Cancel. Runs the devices' tick while shown. FX thread only.
///
/// Control ids for tests: `#preJoinTitle`, `#preJoinPreview` (the `VideoTile`), `#preJoinCameraOff`,
/// `#preJoinLevel` (a `ProgressBar`), `#preJoinMic` and `#preJoinCamera` (`ToggleButton`s, selected = on),
/// `#preJoinCameraChoice`, `#preJoinMicrophoneChoice`, `#preJoinName`, `#preJoinButton`, `#preJoinCancel`,
/// `#preJoinStatus`.
public final class PreJoinView {
  private final VBox root;
  private final Timeline ticker;

  public PreJoinView(PreJoinViewModel model) {
    DevicesViewModel devices = model.devices();
    Label heading = new Label(Messages.get("prejoin.heading"));
    heading.getStyleClass().add("heading");
    Label title = new Label(model.target().title());
    title.setId("preJoinTitle");
    title.getStyleClass().add(Styles.TITLE_3);

    VideoTile preview = new VideoTile("preview");
    preview.setId("preJoinPreview");
    preview.setAccessibleText(Messages.get("devices.preview"));
    preview.setPrefSize(480, 270);
    preview.setMaxSize(480, 270);
    devices.previewProperty().addListener((obs, was, now) -> {
      if (was != null) {
        was.setRenderer(null);
      }
      preview.clearVideo();
      if (now != null) {
        now.setRenderer(preview::render);
      }
    });
    Label cameraOff = new Label(Messages.get("prejoin.cameraOff"));
    cameraOff.setId("preJoinCameraOff");
    cameraOff.visibleProperty().bind(model.cameraOnProperty().not());
    StackPane stage = new StackPane(preview, cameraOff);
    stage.setMaxSize(480, 270);

    ProgressBar level = new ProgressBar(0);
    level.setId("preJoinLevel");
    level.setAccessibleText(Messages.get("devices.level"));
    level.setPrefWidth(240);
    level.progressProperty().bind(Bindings.createDoubleBinding(() -> Math.sqrt(devices.levelProperty().get()),
        devices.levelProperty()));

    ToggleButton mic = toggle("preJoinMic", "prejoin.mic");
    mic.selectedProperty().bindBidirectional(model.micOnProperty());
    ToggleButton camera = toggle("preJoinCamera", "prejoin.camera");
    camera.selectedProperty().bindBidirectional(model.cameraOnProperty());

    ComboBox<DeviceInfo> cameraChoice = choice("preJoinCameraChoice", "devices.camera", devices.cameras());
    cameraChoice.valueProperty().bindBidirectional(devices.cameraProperty());
    ComboBox<DeviceInfo> microphoneChoice = choice("preJoinMicrophoneChoice", "devices.microphone",
        devices.microphones());
    microphoneChoice.valueProperty().bindBidirectional(devices.microphoneProperty());

    HBox micRow = new HBox(8, mic, microphoneChoice, level);
    micRow.setAlignment(Pos.CENTER_LEFT);
    HBox cameraRow = new HBox(8, camera, cameraChoice);
    cameraRow.setAlignment(Pos.CENTER_LEFT);

    TextField name = new TextField();
    name.setId("preJoinName");
    name.setPromptText(Messages.get("prejoin.name"));
    name.setAccessibleText(Messages.get("prejoin.name"));
    name.textProperty().bindBidirectional(model.displayNameProperty());
    name.setOnAction(event -> model.join());
    Label nameLabel = new Label(Messages.get("prejoin.name"));
    nameLabel.setLabelFor(name);
    HBox nameRow = new HBox(8, nameLabel, name);
    nameRow.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("preJoinStatus");
    status.setWrapText(true);
    status.textProperty().bind(devices.statusProperty());

    ticker = new Timeline(new KeyFrame(Duration.millis(DevicesViewModel.TICK_MILLIS), event -> devices.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);

    Button join = new Button(Messages.get("prejoin.join"));
    join.setId("preJoinButton");
    join.setDefaultButton(true);
    join.getStyleClass().add(Styles.ACCENT);
    join.disableProperty().bind(model.canJoinProperty().not());
    join.setOnAction(event -> {
      ticker.stop();
      model.join();
    });
    Button cancel = new Button(Messages.get("prejoin.cancel"));
    cancel.setId("preJoinCancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(event -> {
      ticker.stop();
      model.cancel();
    });
    HBox actions = new HBox(8, join, cancel);

    root = new VBox(12, heading, title, stage, cameraRow, micRow, nameRow, actions, status);
    root.setPadding(new Insets(24));
    root.getStyleClass().add("form");
    ticker.play();
  }

  public Parent root() {
    return root;
  }

  private static ToggleButton toggle(String id, String key) {
    ToggleButton button = new ToggleButton();
    button.setId(id);
    button.textProperty().bind(Bindings.when(button.selectedProperty())
        .then(Messages.get(key + ".on")).otherwise(Messages.get(key + ".off")));
    button.setAccessibleText(Messages.get(key));
    return button;
  }

  private static ComboBox<DeviceInfo> choice(String id, String labelKey,
      javafx.collections.ObservableList<DeviceInfo> items) {
    ComboBox<DeviceInfo> box = new ComboBox<>(items);
    box.setId(id);
    box.setAccessibleText(Messages.get(labelKey));
    box.setPrefWidth(260);
    box.setCellFactory(view -> new DeviceCell());
    box.setButtonCell(new DeviceCell());
    box.setPlaceholder(new Label(Messages.get("devices.none")));
    return box;
  }

  /// Shows a device by name.
  private static final class DeviceCell extends ListCell<DeviceInfo> {
    @Override
    protected void updateItem(DeviceInfo device, boolean empty) {
      super.updateItem(device, empty);
      setText(empty || device == null ? null : device.name());
    }
  }
}
