package com.convene.desktop.ui.recordings;

import com.convene.desktop.ui.Messages;
import com.convene.model.api.RecordingView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The recordings screen, bound to a [RecordingsViewModel]. FX thread only.
///
/// Control ids for tests: `#recordingList`, `#downloadButton`, `#downloadProgress` (a `ProgressBar`),
/// `#downloadStatus`, `#refreshRecordingsButton`, `#backButton`, `#recordingsError`, `#recordingPasswordField`
/// (shown once a download asked for the recording's password; Enter downloads again).
public final class RecordingsView {
  private final VBox root;

  public RecordingsView(RecordingsViewModel model, Runnable onBack) {
    Label heading = new Label(Messages.get("recordings.heading"));
    heading.getStyleClass().add("heading");

    ListView<RecordingView> list = new ListView<>(model.recordings());
    list.setId("recordingList");
    list.setAccessibleText(Messages.get("recordings.heading"));
    list.setPlaceholder(new Label(Messages.get("recordings.empty")));
    list.setCellFactory(view -> new RecordingCell());
    list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null) {
        model.selectedProperty().set(now);
      }
    });
    model.recordings().addListener((javafx.collections.ListChangeListener<RecordingView>) change -> {
      RecordingView chosen = model.selectedProperty().get();
      if (chosen != null && !model.recordings().contains(chosen)) {
        return;
      }
      if (chosen != null) {
        list.getSelectionModel().select(chosen);
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);

    Button download = new Button(Messages.get("recordings.download"));
    download.setId("downloadButton");
    download.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> model.downloadingProperty().get() || !RecordingsViewModel.downloadable(model.selectedProperty().get()),
        model.downloadingProperty(), model.selectedProperty()));
    download.setOnAction(event -> model.downloadSelected());

    Button refresh = new Button(Messages.get("recordings.refresh"));
    refresh.setId("refreshRecordingsButton");
    refresh.disableProperty().bind(model.busyProperty());
    refresh.setOnAction(event -> model.refresh());

    Button back = new Button(Messages.get("recordings.back"));
    back.setId("backButton");
    back.setOnAction(event -> {
      model.close();
      onBack.run();
    });

    ProgressBar progress = new ProgressBar();
    progress.setId("downloadProgress");
    progress.setAccessibleText(Messages.get("recordings.progress"));
    progress.progressProperty().bind(model.downloadProgressProperty());
    progress.visibleProperty().bind(model.downloadingProperty().or(model.lastDownloadProperty().isNotNull()));
    progress.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(progress, Priority.ALWAYS);

    Label status = new Label();
    status.setId("downloadStatus");
    status.setWrapText(true);
    status.textProperty().bind(model.downloadStatusProperty());

    Label error = new Label();
    error.setId("recordingsError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    PasswordField password = new PasswordField();
    password.setId("recordingPasswordField");
    password.setPromptText(Messages.get("recordings.password.label"));
    password.setAccessibleText(Messages.get("recordings.password.label"));
    password.textProperty().bindBidirectional(model.passwordProperty());
    password.setOnAction(event -> model.downloadSelected());
    password.visibleProperty().bind(model.passwordRequiredProperty());
    password.managedProperty().bind(password.visibleProperty());
    model.passwordRequiredProperty().addListener((obs, was, now) -> {
      if (now) {
        password.requestFocus();
      }
    });

    HBox actions = new HBox(8, download, refresh, back);
    actions.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(12, heading, list, password, actions, progress, status, error);
    root.setPadding(new Insets(24));
  }

  public Parent root() {
    return root;
  }

  /// Title, date, length and processing state of one recording.
  private static final class RecordingCell extends ListCell<RecordingView> {
    @Override
    protected void updateItem(RecordingView recording, boolean empty) {
      super.updateItem(recording, empty);
      setText(empty || recording == null ? null : RecordingsViewModel.describe(recording));
    }
  }
}
