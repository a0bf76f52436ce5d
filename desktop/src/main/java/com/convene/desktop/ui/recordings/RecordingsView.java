package com.convene.desktop.ui.recordings;

import com.convene.desktop.ui.Messages;
import com.convene.model.api.RecordingView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The recordings screen, bound to a [RecordingsViewModel]. FX thread only.
///
/// Control ids for tests: `#recordingList`, `#downloadButton`, `#downloadProgress` (a `ProgressBar`),
/// `#downloadStatus`, `#refreshRecordingsButton`, `#backButton`, `#recordingsError`, `#recordingPasswordField`
/// (shown once a download asked for the recording's password; Enter downloads again); for recordings I manage,
/// `#manageRecording` with `#visibilityChoice`, `#newRecordingPasswordField`, `#setPasswordButton`,
/// `#removePasswordButton`, `#retryComposeButton` (after a failed composition), `#deleteRecordingButton`, then `#confirmDeleteButton`/`#cancelDeleteButton`, and
/// `#manageStatus`; after a download `#openDownloadButton` (opens the file) and `#showInFolderButton` (opens its
/// folder in the file manager).
public final class RecordingsView {
  private final VBox root;

  /// @param opener opens a file or folder with the desktop's default application (the app passes
  ///               `HostServices.showDocument`)
  public RecordingsView(RecordingsViewModel model, Runnable onBack, Consumer<Path> opener) {
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

    Button open = new Button(Messages.get("recordings.open"));
    open.setId("openDownloadButton");
    Button showInFolder = new Button(Messages.get("recordings.showInFolder"));
    showInFolder.setId("showInFolderButton");
    for (Button button : List.of(open, showInFolder)) {
      button.visibleProperty().bind(model.lastDownloadProperty().isNotNull().and(model.downloadingProperty().not()));
      button.managedProperty().bind(button.visibleProperty());
    }
    open.setOnAction(event -> {
      Path file = model.lastDownloadProperty().get();
      if (file != null) {
        opener.accept(file);
      }
    });
    showInFolder.setOnAction(event -> {
      Path file = model.lastDownloadProperty().get();
      if (file != null && file.getParent() != null) {
        opener.accept(file.getParent());
      }
    });

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
    VBox manage = manageBox(model);
    HBox saved = new HBox(8, status, open, showInFolder);
    saved.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(12, heading, list, password, actions, progress, saved, manage, error);
    root.setPadding(new Insets(24));
  }

  public Parent root() {
    return root;
  }

  /// Who may see the selected recording, its download password and deleting it; shown only to those who manage it.
  private static VBox manageBox(RecordingsViewModel model) {
    Label visibilityLabel = new Label(Messages.get("recordings.manage.visibility"));
    ComboBox<String> visibility = new ComboBox<>(FXCollections.observableArrayList("private", "participants",
        "public"));
    visibility.setId("visibilityChoice");
    visibility.setAccessibleText(Messages.get("recordings.manage.visibility"));
    visibility.setConverter(new StringConverter<>() {
      @Override
      public String toString(String value) {
        return value == null ? "" : Messages.get("recordings.visibility." + value);
      }

      @Override
      public String fromString(String text) {
        return null;
      }
    });
    visibility.setOnAction(event -> {
      if (visibility.getValue() != null) {
        model.changeVisibility(visibility.getValue());
      }
    });

    PasswordField newPassword = new PasswordField();
    newPassword.setId("newRecordingPasswordField");
    newPassword.setPromptText(Messages.get("recordings.password.new"));
    newPassword.setAccessibleText(Messages.get("recordings.password.new"));
    newPassword.textProperty().bindBidirectional(model.newPasswordProperty());
    newPassword.setOnAction(event -> model.setPassword());
    Button setPassword = new Button(Messages.get("recordings.password.set"));
    setPassword.setId("setPasswordButton");
    setPassword.disableProperty().bind(model.newPasswordProperty().isEmpty());
    setPassword.setOnAction(event -> model.setPassword());
    Button removePassword = new Button(Messages.get("recordings.password.remove"));
    removePassword.setId("removePasswordButton");
    removePassword.setOnAction(event -> model.removePassword());
    Button retry = new Button(Messages.get("recordings.retry"));
    retry.setId("retryComposeButton");
    retry.setOnAction(event -> model.retryComposition());
    Button delete = new Button(Messages.get("recordings.delete"));
    delete.setId("deleteRecordingButton");
    delete.getStyleClass().add("danger");
    delete.setOnAction(event -> model.askToDelete());

    Label question = new Label(Messages.get("recordings.delete.question"));
    question.setWrapText(true);
    Button confirm = new Button(Messages.get("recordings.delete.confirm"));
    confirm.setId("confirmDeleteButton");
    confirm.getStyleClass().add("danger");
    confirm.setOnAction(event -> model.confirmDelete());
    Button cancel = new Button(Messages.get("recordings.delete.cancel"));
    cancel.setId("cancelDeleteButton");
    cancel.setOnAction(event -> model.confirmingDeleteProperty().set(false));
    HBox confirmRow = new HBox(8, question, confirm, cancel);
    confirmRow.setAlignment(Pos.CENTER_LEFT);
    confirmRow.visibleProperty().bind(model.confirmingDeleteProperty());
    confirmRow.managedProperty().bind(confirmRow.visibleProperty());

    Label manageStatus = new Label();
    manageStatus.setId("manageStatus");
    manageStatus.setWrapText(true);
    manageStatus.textProperty().bind(model.manageStatusProperty());

    model.selectedProperty().addListener((obs, was, now) -> {
      visibility.setValue(now == null ? null : now.visibility());
      removePassword.setDisable(now == null || !now.passwordProtected());
      retry.setVisible(RecordingsViewModel.retryable(now));
    });
    retry.setVisible(false);
    retry.managedProperty().bind(retry.visibleProperty());
    HBox row1 = new HBox(8, visibilityLabel, visibility);
    row1.setAlignment(Pos.CENTER_LEFT);
    HBox row2 = new HBox(8, newPassword, setPassword, removePassword, retry, delete);
    row2.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, row1, row2, confirmRow);
    box.setId("manageRecording");
    box.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> RecordingsViewModel.manageable(model.selectedProperty().get()), model.selectedProperty()));
    box.managedProperty().bind(box.visibleProperty());
    VBox withStatus = new VBox(8, box, manageStatus);
    return withStatus;
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
