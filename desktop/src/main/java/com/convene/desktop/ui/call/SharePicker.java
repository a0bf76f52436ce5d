package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The share picker over the stage: every screen as a thumbnail with its name — also when there is only one, so
/// that nothing is shared before the user saw what — then Share or Cancel. The thumbnails are taken off the FX
/// thread. FX thread only.
///
/// Ids: `#sharePicker`, `#shareChoices` (toggle buttons with id `shareChoice-<index>`, each with an `ImageView`
/// `#shareThumbnail` when one could be taken), `#shareStart`, `#shareCancel`, `#shareLoading`.
final class SharePicker {
  private final CallViewModel model;
  private final ShareSources sources;
  private final FlowPane choices = new FlowPane(12, 12);
  private final ToggleGroup group = new ToggleGroup();
  private final Label loading = new Label(Messages.get("call.share.loading"));
  private final VBox root;

  SharePicker(CallViewModel model, ShareSources sources) {
    this.model = model;
    this.sources = sources;
    Label heading = new Label(Messages.get("call.pickScreen"));
    heading.getStyleClass().add("heading");
    choices.setId("shareChoices");
    choices.setAlignment(Pos.CENTER);
    loading.setId("shareLoading");
    Button share = new Button(Messages.get("call.share"));
    share.setId("shareStart");
    share.setDefaultButton(true);
    share.disableProperty().bind(group.selectedToggleProperty().isNull());
    share.setOnAction(event -> start());
    Button cancel = new Button(Messages.get("call.confirm.cancel"));
    cancel.setId("shareCancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(event -> close());
    HBox buttons = new HBox(8, cancel, share);
    buttons.setAlignment(Pos.CENTER);
    root = new VBox(16, heading, loading, choices, buttons);
    root.setId("sharePicker");
    root.setAlignment(Pos.CENTER);
    root.getStyleClass().add("overlay");
    root.setVisible(false);
    root.setManaged(false);
  }

  Region root() {
    return root;
  }

  /// Shows the picker and lists the screens; a place with no screen to share says so instead.
  void open() {
    choices.getChildren().clear();
    group.getToggles().clear();
    loading.setVisible(true);
    root.setVisible(true);
    root.setManaged(true);
    CompletableFuture.supplyAsync(sources::list).whenComplete((list, failure) -> Platform.runLater(() -> {
      loading.setVisible(false);
      if (failure != null || list.isEmpty()) {
        close();
        model.errorProperty().set(Messages.get("call.noScreens"));
      } else {
        fill(list);
      }
    }));
  }

  private void fill(List<ShareChoice> list) {
    for (int i = 0; i < list.size(); i++) {
      ShareChoice choice = list.get(i);
      ToggleButton button = new ToggleButton(choice.screen().name());
      button.setId("shareChoice-" + i);
      button.setUserData(choice);
      button.setToggleGroup(group);
      button.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
      button.getStyleClass().add("share-choice");
      if (choice.thumbnail() != null) {
        ImageView thumbnail = new ImageView(choice.thumbnail());
        thumbnail.setId("shareThumbnail");
        thumbnail.setFitWidth(ShareSources.THUMBNAIL_WIDTH);
        thumbnail.setPreserveRatio(true);
        button.setGraphic(thumbnail);
      }
      choices.getChildren().add(button);
    }
    group.selectToggle(group.getToggles().getFirst());
  }

  private void start() {
    if (group.getSelectedToggle() != null && group.getSelectedToggle().getUserData() instanceof ShareChoice choice) {
      close();
      model.startShare(choice.screen());
    }
  }

  private void close() {
    root.setVisible(false);
    root.setManaged(false);
  }
}
