package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/// The call window's content, bound to a [CallViewModel]: a header (title, recording indicator, status), the
/// [VideoStage] (grid or speaker view), the [ParticipantsPanel] and [ChatPanel] on the right, and the
/// [ControlBar] with its keyboard shortcuts ([CallShortcut]) installed on whatever scene shows the view.
/// FX thread only.
///
/// The side panels share one column: with both open they are stacked, so the video keeps its width.
///
/// Control ids for tests: see [ControlBar], [VideoStage], [ParticipantsPanel], [ChatPanel], [TileOverlay],
/// [SharePicker] and [CallOverlays];
/// here `#callStatus`, `#callError`, `#audioWarning`, `#callNotice`, `#recordingIndicator`; the password
/// prompt `#passwordPane` with `#meetingPassword` and `#passwordJoin`; `#waitingForHost`.
public final class CallView {
  private final BorderPane root = new BorderPane();
  private final CallViewModel model;
  private final VideoStage stage;
  private final SharePicker sharePicker;

  /// A call view whose share picker offers this computer's screens ([ShareSources#screens()]).
  public CallView(CallViewModel model) {
    this(model, ShareSources.screens());
  }

  /// @param shareSources what the share picker offers
  public CallView(CallViewModel model, ShareSources shareSources) {
    this.model = model;
    this.sharePicker = new SharePicker(model, shareSources);
    Label title = new Label();
    title.getStyleClass().add("heading");
    title.textProperty().bind(model.titleProperty());
    Label status = new Label();
    status.setId("callStatus");
    status.textProperty().bind(model.statusProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    Label warning = message("audioWarning", "warning", model.audioWarningProperty());
    Label error = message("callError", "error", model.errorProperty());
    Label notice = message("callNotice", "muted-text", model.noticeProperty());
    Label recording = new Label(Messages.get("call.recording"), new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
    recording.setId("recordingIndicator");
    recording.getStyleClass().add("recording");
    recording.setAccessibleText(Messages.get("call.recording"));
    recording.visibleProperty().bind(model.recordingProperty());
    recording.managedProperty().bind(model.recordingProperty());
    Label reconnecting = new Label(Messages.get("call.reconnecting"));
    reconnecting.setId("reconnectingBanner");
    reconnecting.getStyleClass().add("reconnecting");
    reconnecting.visibleProperty().bind(model.reconnectingProperty());
    reconnecting.managedProperty().bind(model.reconnectingProperty());
    HBox titleRow = new HBox(12, title, recording, reconnecting, status);
    titleRow.setAlignment(Pos.CENTER_LEFT);
    VBox header = new VBox(4, titleRow, warning, error, notice, CallOverlays.sharingBanner(model));
    header.setPadding(new Insets(10, 16, 10, 16));
    header.getStyleClass().add("call-header");

    stage = new VideoStage(model);
    ControlBar controls = new ControlBar(model, this::toggleShare);
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (old != null) {
        controls.removeShortcuts(old);
      }
      if (scene != null) {
        controls.installShortcuts(scene);
      }
    });

    root.setTop(header);
    root.setCenter(new StackPane(stage.root(), passwordPane(), waitingForHost(), CallOverlays.callLostPane(model),
        sharePicker.root(), CallOverlays.confirmPane(model)));
    root.setRight(sidePanels());
    root.setBottom(controls.root());
  }

  /// The participants and chat panels in one column: one open takes its full height, both open share it.
  private Region sidePanels() {
    VBox people = new ParticipantsPanel(model).root();
    VBox chat = new ChatPanel(model).root();
    VBox.setVgrow(people, javafx.scene.layout.Priority.ALWAYS);
    VBox.setVgrow(chat, javafx.scene.layout.Priority.ALWAYS);
    VBox column = new VBox(people, chat);
    column.setId("sidePanels");
    column.setPrefWidth(300);
    column.setMinWidth(220);
    column.setMaxWidth(300);
    column.visibleProperty().bind(people.visibleProperty().or(chat.visibleProperty()));
    column.managedProperty().bind(column.visibleProperty());
    return column;
  }

  private static Label message(String id, String styleClass, javafx.beans.value.ObservableValue<String> text) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add(styleClass);
    label.setWrapText(true);
    label.textProperty().bind(text);
    label.managedProperty().bind(label.textProperty().isNotEmpty());
    return label;
  }

  private Region passwordPane() {
    Label message = new Label();
    message.textProperty().bind(model.passwordMessageProperty());
    PasswordField password = new PasswordField();
    password.setId("meetingPassword");
    password.setPromptText(Messages.get("call.password.prompt"));
    password.setMaxWidth(280);
    Button join = new Button(Messages.get("call.password.join"));
    join.setId("passwordJoin");
    join.setDefaultButton(true);
    join.disableProperty().bind(password.textProperty().isEmpty());
    Runnable submit = () -> {
      String entered = password.getText();
      password.clear();
      model.submitPassword(entered);
    };
    join.setOnAction(event -> submit.run());
    password.setOnAction(event -> submit.run());
    VBox pane = new VBox(8, message, password, join);
    pane.setId("passwordPane");
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(model.passwordNeededProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }
  private Region waitingForHost() {
    Label label = new Label(Messages.get("call.waitingForHost"));
    label.setId("waitingForHost");
    label.getStyleClass().add("heading");
    VBox pane = new VBox(label);
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(model.waitingForHostProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }
  /// The view model this view shows.
  CallViewModel model() {
    return model;
  }

  public Parent root() {
    return root;
  }

  /// Every remote participant's tile (cameras and screen shares; grid, large tile and strip), in the model's
  /// order; our own tile is [#selfTile()].
  public List<VideoTile> tiles() {
    return stage.tiles();
  }

  /// Every tile on the stage now: the remote ones, then ours while the self-view is shown.
  public List<VideoTile> shownTiles() {
    return stage.shownTiles();
  }

  /// Our own tile, the self-view (on the stage while [SelfView#shownProperty()] is true).
  public VideoTile selfTile() {
    return stage.selfTile();
  }

  private void toggleShare() {
    if (model.sharingProperty().get()) {
      model.stopShare();
    } else {
      sharePicker.open();
    }
  }
}
