package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/// The call window's panes over the stage and its banners: the "are you sure?" of a host action, the lost-call
/// pane, and the "You are sharing" banner. FX thread only.
///
/// Ids: `#confirmPane` with `#confirmMessage`, `#confirmButton`, `#confirmCancel`; `#callLostPane` with
/// `#callLostMessage`, `#callLostRejoin` (once the window gave up joining again) and `#callLostLeave`;
/// `#sharingBanner` with `#sharingStop`.
final class CallOverlays {
  private CallOverlays() {}

  /// Asks for a "yes" before a host action ([HostActions#confirmationProperty()]); Escape or Cancel drops it.
  static Region confirmPane(CallViewModel model) {
    Label message = new Label();
    message.setId("confirmMessage");
    message.setWrapText(true);
    message.textProperty().bind(model.host().confirmationProperty().map(Confirmation::message).orElse(""));
    Button yes = new Button();
    yes.setId("confirmButton");
    yes.getStyleClass().add("danger");
    yes.textProperty().bind(model.host().confirmationProperty().map(Confirmation::confirmLabel).orElse(""));
    yes.setOnAction(event -> model.host().confirm());
    Button cancel = new Button(Messages.get("call.confirm.cancel"));
    cancel.setId("confirmCancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(event -> model.host().cancelConfirmation());
    HBox buttons = new HBox(8, cancel, yes);
    buttons.setAlignment(Pos.CENTER);
    VBox card = new VBox(16, message, buttons);
    card.setAlignment(Pos.CENTER);
    card.setMaxWidth(420);
    card.getStyleClass().add("confirm-card");
    VBox pane = new VBox(card);
    pane.setId("confirmPane");
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(model.host().confirmationProperty().isNotNull());
    pane.managedProperty().bind(pane.visibleProperty());
    model.host().confirmationProperty().addListener((obs, was, now) -> {
      if (now != null) {
        cancel.requestFocus(); // Enter does not remove someone by accident
      }
    });
    return pane;
  }

  /// Says the call was lost: joining again (attempt n), or given up with "Join again"; "Leave" in both.
  static Region callLostPane(CallViewModel model) {
    CallLoss loss = model.callLoss();
    Label message = new Label();
    message.setId("callLostMessage");
    message.getStyleClass().add("heading");
    message.setWrapText(true);
    message.textProperty().bind(loss.messageProperty());
    Button rejoin = new Button(Messages.get("call.lost.rejoin"));
    rejoin.setId("callLostRejoin");
    rejoin.setDefaultButton(true);
    rejoin.visibleProperty().bind(loss.retryingProperty().not());
    rejoin.managedProperty().bind(rejoin.visibleProperty());
    rejoin.setOnAction(event -> model.rejoinNow());
    Button leave = new Button(Messages.get("call.leave"));
    leave.setId("callLostLeave");
    leave.setOnAction(event -> model.leave());
    HBox buttons = new HBox(8, rejoin, leave);
    buttons.setAlignment(Pos.CENTER);
    VBox pane = new VBox(16, message, buttons);
    pane.setId("callLostPane");
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(loss.lostProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  /// "You are sharing …" with a Stop button, shown while our screen share runs.
  static Region sharingBanner(CallViewModel model) {
    Label text = new Label();
    text.setGraphic(new FontIcon(Material2MZ.SCREEN_SHARE));
    text.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("call.sharing", model.sharedScreenProperty().get()), model.sharedScreenProperty()));
    Button stop = new Button(Messages.get("call.stopShare"));
    stop.setId("sharingStop");
    stop.getStyleClass().add("danger");
    stop.setOnAction(event -> model.stopShare());
    HBox banner = new HBox(12, text, stop);
    banner.setId("sharingBanner");
    banner.setAlignment(Pos.CENTER);
    banner.getStyleClass().add("sharing-banner");
    banner.visibleProperty().bind(model.sharingProperty());
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }
}
