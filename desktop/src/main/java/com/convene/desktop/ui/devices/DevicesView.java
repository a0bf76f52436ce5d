package com.convene.desktop.ui.devices;

import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The device settings screen, bound to a [DevicesViewModel]: a choice box per device kind, the camera preview
/// (a [VideoTile]) and the microphone level meter. Runs the model's [DevicesViewModel#tick()] on a timeline
/// while shown. FX thread only.
///
/// Control ids for tests: `#cameraChoice`, `#microphoneChoice`, `#speakerChoice` (`ComboBox`es),
/// `#devicePreview` (the `VideoTile`), `#cameraMessage`, `#microphoneMessage`, `#speakerMessage`,
/// `#microphoneLevel` (a `ProgressBar`), `#speakerTestButton`, `#noiseSuppressionToggle`, `#devicesStatus`,
/// `#devicesBackButton`.
public final class DevicesView {
  private final VBox root;
  private final Timeline ticker;

  /// @param onBack leaves the screen (after the model is closed)
  public DevicesView(DevicesViewModel model, Runnable onBack) {
    Label heading = new Label(Messages.get("devices.heading"));
    heading.getStyleClass().add("heading");

    ComboBox<DeviceInfo> cameraChoice = choice("cameraChoice", "devices.camera", model.cameras());
    cameraChoice.valueProperty().bindBidirectional(model.cameraProperty());
    ComboBox<DeviceInfo> microphoneChoice = choice("microphoneChoice", "devices.microphone", model.microphones());
    microphoneChoice.valueProperty().bindBidirectional(model.microphoneProperty());
    ComboBox<DeviceInfo> speakerChoice = choice("speakerChoice", "devices.speaker", model.speakers());
    speakerChoice.valueProperty().bindBidirectional(model.speakerProperty());

    VideoTile preview = new VideoTile("preview");
    preview.setId("devicePreview");
    preview.setAccessibleText(Messages.get("devices.preview"));
    preview.setPrefSize(480, 270);
    preview.setMaxSize(480, 270);
    model.previewProperty().addListener((obs, was, now) -> {
      if (was != null) {
        was.setRenderer(null);
      }
      preview.clearVideo();
      if (now != null) {
        now.setRenderer(preview::render);
      }
    });

    ProgressBar level = new ProgressBar(0);
    level.setId("microphoneLevel");
    level.setAccessibleText(Messages.get("devices.level"));
    level.setPrefWidth(240);
    // RMS is small for speech (0.01–0.3): show it on a square-root scale so normal speaking fills half the bar
    level.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> Math.sqrt(model.levelProperty().get()), model.levelProperty()));

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    grid.addRow(0, new Label(Messages.get("devices.camera")), cameraChoice,
        message("cameraMessage", model.cameraMessageProperty()));
    grid.addRow(1, new Label(Messages.get("devices.microphone")), microphoneChoice,
        message("microphoneMessage", model.microphoneMessageProperty()));
    grid.addRow(2, new Label(Messages.get("devices.level")), level);
    Button speakerTest = new Button(Messages.get("devices.speakerTest"));
    speakerTest.setId("speakerTestButton");
    speakerTest.disableProperty().bind(model.speakerTestingProperty().or(model.speakerProperty().isNull()));
    speakerTest.setOnAction(event -> model.testSpeaker());
    HBox speakerRow = new HBox(8, speakerChoice, speakerTest);
    speakerRow.setAlignment(Pos.CENTER_LEFT);
    grid.addRow(3, new Label(Messages.get("devices.speaker")), speakerRow,
        message("speakerMessage", model.speakerMessageProperty()));
    CheckBox noiseSuppression = new CheckBox(Messages.get("devices.noiseSuppression"));
    noiseSuppression.setId("noiseSuppressionToggle");
    noiseSuppression.setSelected(model.noiseSuppressionProperty().get());
    model.noiseSuppressionProperty().addListener((obs, was, now) -> noiseSuppression.setSelected(now));
    noiseSuppression.setOnAction(event -> model.setNoiseSuppression(noiseSuppression.isSelected()));
    grid.add(noiseSuppression, 1, 4);

    Label status = new Label();
    status.setId("devicesStatus");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());

    ticker = new Timeline(new KeyFrame(Duration.millis(DevicesViewModel.TICK_MILLIS), event -> model.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);

    Button back = new Button(Messages.get("devices.back"));
    back.setId("devicesBackButton");
    back.setOnAction(event -> {
      ticker.stop();
      model.close();
      onBack.run();
    });

    HBox actions = new HBox(8, back);
    actions.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(12, heading, preview, grid, status, actions);
    root.setPadding(new Insets(24));
    ticker.play();
  }

  public Parent root() {
    return root;
  }

  private static ComboBox<DeviceInfo> choice(String id, String labelKey,
      javafx.collections.ObservableList<DeviceInfo> items) {
    ComboBox<DeviceInfo> box = new ComboBox<>(items);
    box.setId(id);
    box.setAccessibleText(Messages.get(labelKey));
    box.setPrefWidth(320);
    box.setCellFactory(view -> new DeviceCell());
    box.setButtonCell(new DeviceCell());
    box.setPlaceholder(new Label(Messages.get("devices.none")));
    return box;
  }

  private static Label message(String id, javafx.beans.value.ObservableValue<String> text) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("error");
    label.textProperty().bind(text);
    return label;
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
