package com.convene.desktop.ui.call;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.WaitingParticipant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/// The participants panel: who is in the call with their microphone, camera and hand, and for hosts the
/// waiting-room queue, each participant's host menu and the room-wide host actions. FX thread only.
///
/// Ids: `#participantsPanel`, `#participantList` (a `VBox` of rows with id `participant-<participantId>`, each
/// with `#rowMic`, `#rowCamera`, `#rowHand` and for hosts `#hostMenu`), `#selfRow`; for hosts `#waitingRoom`
/// (a `ListView` whose rows hold `#admitButton` and `#denyButton`), `#muteAllButton`, `#lockButton`,
/// `#endButton`. Remove, Mute all and End for all ask first ([HostActions#confirmationProperty()]).
///
/// Without a microphone our own row says "No microphone" (`#rowMic` with style class `no-microphone`).
final class ParticipantsPanel {
  private final CallViewModel model;
  private final VBox root;
  private final VBox list = new VBox(2);

  ParticipantsPanel(CallViewModel model) {
    this.model = model;
    Label heading = new Label();
    heading.getStyleClass().add("subheading");
    heading.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("call.participants.count", model.participants().size() + 1), model.participants()));

    Button muteAll = hostButton("muteAllButton", Messages.get("call.host.muteAll"), Material2MZ.MIC_OFF);
    muteAll.setOnAction(event -> model.host().askMuteAll());
    Button lock = hostButton("lockButton", "", Material2AL.LOCK);
    lock.textProperty().bind(model.lockedProperty()
        .map(on -> Messages.get(on ? "call.host.unlock" : "call.host.lock")));
    lock.accessibleTextProperty().bind(lock.textProperty());
    Button end = hostButton("endButton", Messages.get("call.host.end"), Material2AL.CALL_END);
    end.getStyleClass().add("danger");
    end.setOnAction(event -> model.host().askEndForAll());
    lock.setOnAction(event -> model.host().toggleLock());
    VBox hostActions = new VBox(6, muteAll, lock, end);
    hostActions.visibleProperty().bind(model.moderatorProperty().and(model.joinedProperty()));
    hostActions.managedProperty().bind(hostActions.visibleProperty());

    list.setId("participantList");
    list.setAccessibleText(Messages.get("call.participants"));
    model.participants().addListener((ListChangeListener<TileModel>) change -> rebuild());
    rebuild();
    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    root = new VBox(10, heading, waitingRoomPane(), selfRow(), scroll, hostActions);
    root.setId("participantsPanel");
    root.getStyleClass().add("side-panel");
    root.setPadding(new Insets(12));
    root.setPrefWidth(280);
    root.setMinWidth(220);
    root.visibleProperty().bind(model.participantsOpenProperty());
    root.managedProperty().bind(root.visibleProperty());
  }

  VBox root() {
    return root;
  }

  private void rebuild() {
    List<Node> rows = new ArrayList<>();
    for (TileModel tile : model.participants()) {
      rows.add(row(tile));
    }
    list.getChildren().setAll(rows);
  }

  private Node selfRow() {
    Label name = new Label(Messages.get("call.participants.you"));
    HBox.setHgrow(name, Priority.ALWAYS);
    name.setMaxWidth(Double.MAX_VALUE);
    HBox row = new HBox(8, name,
        state("rowHand", Material2MZ.PAN_TOOL, Material2MZ.PAN_TOOL, model.handRaisedProperty(), "call.handRaised",
            "call.handRaised", true),
        selfMic(),
        state("rowCamera", Material2MZ.VIDEOCAM_OFF, Material2MZ.VIDEOCAM, model.cameraOffProperty(),
            "call.cameraOff", "call.cameraOn", false));
    row.setId("selfRow");
    row.getStyleClass().add("participant-row");
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /// Our microphone's state, or "No microphone" in words when the computer has none.
  private Label selfMic() {
    if (model.selfView().microphonePresentProperty().get()) {
      return state("rowMic", Material2MZ.MIC_OFF, Material2MZ.MIC, model.micMutedProperty(), "call.muted",
          "call.micOn", false);
    }
    Label label = new Label(Messages.get("call.noMicrophone"), new FontIcon(Material2MZ.MIC_OFF));
    label.setId("rowMic");
    label.setAccessibleText(Messages.get("call.noMicrophone"));
    label.getStyleClass().addAll("state-off", "no-microphone");
    return label;
  }

  private Node row(TileModel tile) {
    Label name = new Label();
    name.textProperty().bind(Bindings.createStringBinding(() -> tile.hostProperty().get()
        ? Messages.get("call.participants.host", tile.displayNameProperty().get())
        : tile.displayNameProperty().get(), tile.displayNameProperty(), tile.hostProperty()));
    name.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(name, Priority.ALWAYS);
    MenuButton menu = hostMenu(tile);
    HBox row = new HBox(8, name,
        state("rowHand", Material2MZ.PAN_TOOL, Material2MZ.PAN_TOOL, tile.handRaisedProperty(), "call.handRaised",
            "call.handRaised", true),
        state("rowMic", Material2MZ.MIC_OFF, Material2MZ.MIC, tile.audioMutedProperty(), "call.muted", "call.micOn",
            false),
        state("rowCamera", Material2MZ.VIDEOCAM_OFF, Material2MZ.VIDEOCAM, tile.videoMutedProperty(),
            "call.cameraOff", "call.cameraOn", false),
        menu);
    row.setId("participant-" + tile.participantId());
    row.getStyleClass().add("participant-row");
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(4, 0, 4, 0));
    row.accessibleTextProperty().bind(name.textProperty());
    return row;
  }

  /// An icon showing one on/off state; `onlyWhenSet` hides it while the state is off (the hand).
  private static Label state(String id, Ikon whenSet, Ikon whenClear, ObservableBooleanValue set, String setKey,
      String clearKey, boolean onlyWhenSet) {
    FontIcon icon = new FontIcon(set.get() ? whenSet : whenClear);
    Label label = new Label(null, icon);
    label.setId(id);
    Runnable update = () -> {
      boolean on = set.get();
      icon.setIconCode(on ? whenSet : whenClear);
      label.setAccessibleText(Messages.get(on ? setKey : clearKey));
      label.getStyleClass().removeAll("state-off", "hand");
      if (on) {
        label.getStyleClass().add(onlyWhenSet ? "hand" : "state-off");
      }
      label.setVisible(!onlyWhenSet || on);
    };
    update.run();
    set.addListener((obs, was, now) -> update.run());
    return label;
  }

  private Button hostButton(String id, String text, Ikon icon) {
    Button button = new Button(text, new FontIcon(icon));
    button.setId(id);
    button.setAccessibleText(text);
    button.setMaxWidth(Double.MAX_VALUE);
    return button;
  }

  /// The host menu of one participant: mute, stop video, remove, make host. Shown to hosts and admins only.
  private MenuButton hostMenu(TileModel tileModel) {
    MenuItem mute = new MenuItem(Messages.get("call.host.mute"));
    mute.setOnAction(event -> model.host().mute(tileModel));
    MenuItem stopVideo = new MenuItem(Messages.get("call.host.stopVideo"));
    stopVideo.setOnAction(event -> model.host().stopVideo(tileModel));
    MenuItem remove = new MenuItem(Messages.get("call.host.remove"));
    remove.setOnAction(event -> model.host().askRemove(tileModel));
    MenuItem makeHost = new MenuItem(Messages.get("call.host.makeHost"));
    makeHost.setOnAction(event -> model.host().makeHost(tileModel));
    MenuButton menu = new MenuButton(null, new FontIcon(Material2MZ.MORE_VERT), mute, stopVideo, remove, makeHost);
    menu.setId("hostMenu");
    menu.setAccessibleText(Messages.get("call.hostMenu"));
    menu.getStyleClass().addAll(Styles.FLAT, Tweaks.NO_ARROW);
    menu.visibleProperty().bind(model.moderatorProperty());
    menu.managedProperty().bind(menu.visibleProperty());
    return menu;
  }

  private Region waitingRoomPane() {
    Label heading = new Label(Messages.get("call.waitingRoom"));
    heading.getStyleClass().add("subheading");
    ListView<WaitingParticipant> queue = new ListView<>(model.waitingRoom());
    queue.setId("waitingRoom");
    queue.setAccessibleText(Messages.get("call.waitingRoom"));
    queue.setPrefHeight(120);
    queue.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(WaitingParticipant item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setGraphic(null);
          setText(null);
          return;
        }
        Label name = new Label(item.displayName());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button admit = new Button(Messages.get("call.admit"));
        admit.setId("admitButton");
        admit.setAccessibleText(Messages.get("call.admit.named", item.displayName()));
        admit.setOnAction(event -> model.host().admit(item));
        Button deny = new Button(Messages.get("call.deny"));
        deny.setId("denyButton");
        deny.setAccessibleText(Messages.get("call.deny.named", item.displayName()));
        deny.setOnAction(event -> model.host().deny(item));
        HBox row = new HBox(6, name, spacer, admit, deny);
        row.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setGraphic(row);
      }
    });
    VBox pane = new VBox(6, heading, queue);
    pane.visibleProperty().bind(model.moderatorProperty().and(Bindings.isNotEmpty(model.waitingRoom())));
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }
}
