package com.convene.desktop.ui.update;

import com.convene.desktop.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The non-blocking banner above every screen that says a newer Convene exists, bound to an [UpdateViewModel].
/// Hidden (and taking no space) while there is nothing to say. FX thread only.
///
/// Control ids for tests: `#updateBanner` (the box), `#updateMessage`, `#updateDownloadButton`,
/// `#updateProgress` (a `ProgressBar`), `#updateStatus`, `#updateOpenButton`, `#updateDismissButton`.
public final class UpdateBanner {
  private final VBox root;

  public UpdateBanner(UpdateViewModel model) {
    Label message = new Label();
    message.setId("updateMessage");
    message.getStyleClass().add("update-message");
    message.textProperty().bind(model.messageProperty());
    HBox.setHgrow(message, Priority.ALWAYS);
    message.setMaxWidth(Double.MAX_VALUE);

    Button download = new Button(Messages.get("update.download"));
    download.setId("updateDownloadButton");
    download.disableProperty().bind(model.downloadingProperty().or(model.installerProperty().isNull()));
    download.setOnAction(event -> model.download());

    Button open = new Button(Messages.get("update.open"));
    open.setId("updateOpenButton");
    open.visibleProperty().bind(model.downloadedProperty().isNotNull());
    open.managedProperty().bind(open.visibleProperty());
    open.setOnAction(event -> model.openDownloaded());

    Button dismiss = new Button(Messages.get("update.dismiss"));
    dismiss.setId("updateDismissButton");
    dismiss.setOnAction(event -> model.dismiss());

    ProgressBar progress = new ProgressBar();
    progress.setId("updateProgress");
    progress.setAccessibleText(Messages.get("update.progress"));
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.downloadingProperty().or(model.downloadedProperty().isNotNull()));
    progress.managedProperty().bind(progress.visibleProperty());
    progress.setMaxWidth(Double.MAX_VALUE);

    Label status = new Label();
    status.setId("updateStatus");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());

    HBox row = new HBox(8, message, download, open, dismiss);
    row.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(6, row, progress, status);
    root.setId("updateBanner");
    root.getStyleClass().add("update-banner");
    root.setPadding(new Insets(8, 24, 8, 24));
    root.visibleProperty().bind(model.visibleProperty());
    root.managedProperty().bind(root.visibleProperty());
  }

  public Parent root() {
    return root;
  }
}
