package com.convene.desktop.ui.call;

import atlantafx.base.theme.Styles;
import com.convene.desktop.ui.Messages;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/// The call window's control bar: microphone, camera, share, hand, reactions, record (hosts), layout,
/// participants and chat (with the unread badge), leave. Every control has an icon, a tooltip naming its
/// [CallShortcut], and accessible text. FX thread only.
///
/// Ids: `#micToggle`, `#cameraToggle`, `#shareButton`, `#handToggle`, `#reactionsButton`, `#recordButton`,
/// `#selfViewMenu` (items `#selfViewItem`, `#mirrorItem`), `#layoutToggle`, `#participantsToggle`, `#chatToggle`,
/// `#chatBadge`, `#leaveButton`. Without a microphone `#micToggle` is off, disabled and says "No microphone".
final class ControlBar {
  private final HBox root;
  private final Map<CallShortcut, ButtonBase> byShortcut = new EnumMap<>(CallShortcut.class);

  /// @param onShare asks which screen to share and starts it, or stops the running share
  ControlBar(CallViewModel model, Runnable onShare) {
    ToggleButton mic = toggle("micToggle", CallShortcut.MICROPHONE, "call.mic");
    mic.setSelected(!model.micMutedProperty().get());
    mic.selectedProperty().addListener((obs, was, on) -> {
      if (model.micMutedProperty().get() == on) {
        model.setMicMuted(!on);
      }
    });
    iconFollows(mic, Material2MZ.MIC, Material2MZ.MIC_OFF, true);
    if (!model.selfView().microphonePresentProperty().get()) {
      // nothing to turn on: the button says so instead of offering "mic on"
      mic.setSelected(false);
      mic.setDisable(true);
      mic.accessibleTextProperty().unbind();
      mic.setAccessibleText(Messages.get("call.noMicrophone"));
      mic.getTooltip().textProperty().unbind();
      mic.getTooltip().setText(Messages.get("call.noMicrophone"));
      mic.getStyleClass().add("no-microphone");
    }
    ToggleButton camera = toggle("cameraToggle", CallShortcut.CAMERA, "call.camera");
    camera.setSelected(!model.cameraOffProperty().get());
    camera.selectedProperty().addListener((obs, was, on) -> {
      if (model.cameraOffProperty().get() == on) {
        model.setCameraOff(!on);
      }
    });
    iconFollows(camera, Material2MZ.VIDEOCAM, Material2MZ.VIDEOCAM_OFF, true);
    // the server may mute us (host control, mute on entry): the toggles follow without echoing it back
    model.micMutedProperty().addListener((obs, was, muted) -> mic.setSelected(!muted));
    model.cameraOffProperty().addListener((obs, was, off) -> camera.setSelected(!off));

    Button share = button("shareButton", CallShortcut.SHARE,
        model.sharingProperty().map(on -> Messages.get(on ? "call.stopShare" : "call.share")));
    FontIcon shareIcon = new FontIcon(Material2MZ.SCREEN_SHARE);
    model.sharingProperty().addListener((obs, was, on) ->
        shareIcon.setIconCode(on ? Material2MZ.STOP_SCREEN_SHARE : Material2MZ.SCREEN_SHARE));
    share.setGraphic(shareIcon);
    share.disableProperty().bind(model.joinedProperty().not());
    share.setOnAction(event -> onShare.run());

    ToggleButton hand = toggle("handToggle", CallShortcut.HAND, "call.hand");
    hand.setGraphic(new FontIcon(Material2MZ.PAN_TOOL));
    hand.setSelected(model.handRaisedProperty().get());
    hand.selectedProperty().addListener((obs, was, on) -> {
      if (model.handRaisedProperty().get() != on) {
        model.toggleHand();
      }
    });
    model.handRaisedProperty().addListener((obs, was, raised) -> hand.setSelected(raised));
    hand.disableProperty().bind(model.joinedProperty().not());

    MenuButton reactions = new MenuButton();
    reactions.setId("reactionsButton");
    reactions.setGraphic(new FontIcon(Material2AL.INSERT_EMOTICON));
    reactions.setTooltip(new Tooltip(Messages.get("call.reactions")));
    reactions.setAccessibleText(Messages.get("call.reactions"));
    for (String emoji : Reactions.EMOJI) {
      MenuItem item = new MenuItem(emoji);
      item.setOnAction(event -> model.react(emoji));
      reactions.getItems().add(item);
    }
    reactions.disableProperty().bind(model.joinedProperty().not());

    Button record = button("recordButton", CallShortcut.RECORD, model.recordingProperty()
        .map(on -> Messages.get(on ? "call.host.stopRecording" : "call.host.record")));
    record.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
    record.textProperty().bind(record.accessibleTextProperty());
    record.setOnAction(event -> model.host().toggleRecording());
    record.visibleProperty().bind(model.moderatorProperty().and(model.joinedProperty()));
    record.managedProperty().bind(record.visibleProperty());

    MenuButton view = selfViewMenu(model);

    ToggleButton layout = toggle("layoutToggle", CallShortcut.LAYOUT, "call.speakerView");
    layout.selectedProperty().bindBidirectional(model.speakerViewProperty());
    iconFollows(layout, Material2MZ.VIEW_SIDEBAR, Material2AL.GRID_ON, false);

    ToggleButton people = toggle("participantsToggle", CallShortcut.PARTICIPANTS, "call.participants");
    people.setGraphic(new FontIcon(Material2MZ.PEOPLE));
    people.selectedProperty().bindBidirectional(model.participantsOpenProperty());

    ToggleButton chat = toggle("chatToggle", CallShortcut.CHAT, "call.chat");
    chat.setGraphic(new FontIcon(Material2AL.CHAT));
    chat.selectedProperty().bindBidirectional(model.chat().openProperty());
    Label badge = new Label();
    badge.setId("chatBadge");
    badge.getStyleClass().add("badge");
    badge.textProperty().bind(model.chat().unreadProperty().asString());
    badge.visibleProperty().bind(model.chat().unreadProperty().greaterThan(0));
    badge.setMouseTransparent(true);
    badge.accessibleTextProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("call.chat.unread", model.chat().unreadProperty().get()), model.chat().unreadProperty()));
    StackPane.setAlignment(badge, Pos.TOP_RIGHT);
    StackPane chatWithBadge = new StackPane(chat, badge);

    Button leave = button("leaveButton", CallShortcut.LEAVE, new ReadOnlyStringWrapper(Messages.get("call.leave")));
    leave.setGraphic(new FontIcon(Material2AL.CALL_END));
    leave.setText(Messages.get("call.leave"));
    leave.getStyleClass().add("danger");
    leave.setOnAction(event -> model.leave());

    Region left = new Region();
    Region right = new Region();
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    root = new HBox(8, left, mic, camera, share, hand, reactions, record, right, view, layout, people, chatWithBadge, leave);
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(10, 12, 10, 12));
    root.getStyleClass().add("control-bar");
    for (ButtonBase b : new ButtonBase[] {mic, camera, share, hand, layout, people, chat}) {
      b.getStyleClass().addAll(Styles.BUTTON_ICON);
    }
  }

  HBox root() {
    return root;
  }

  /// The self-view menu: show or hide our own tile, mirror it or not.
  private static MenuButton selfViewMenu(CallViewModel model) {
    CheckMenuItem shown = new CheckMenuItem(Messages.get("call.selfView.show"));
    shown.setId("selfViewItem");
    shown.selectedProperty().bindBidirectional(model.selfView().shownProperty());
    CheckMenuItem mirrored = new CheckMenuItem(Messages.get("call.selfView.mirror"));
    mirrored.setId("mirrorItem");
    mirrored.selectedProperty().bindBidirectional(model.selfView().mirroredProperty());
    MenuButton menu = new MenuButton(null, new FontIcon(Material2AL.FACE), shown, mirrored);
    menu.setId("selfViewMenu");
    menu.setTooltip(new Tooltip(Messages.get("call.selfView")));
    menu.setAccessibleText(Messages.get("call.selfView"));
    return menu;
  }

  /// Puts every shortcut on `scene`: each fires its control when the control is shown and enabled.
  void installShortcuts(Scene scene) {
    byShortcut.forEach((shortcut, control) -> scene.getAccelerators().put(shortcut.combination(), () -> {
      if (!control.isDisabled() && control.isVisible()) {
        control.fire();
      }
    }));
  }

  /// Takes the shortcuts off `scene` again.
  void removeShortcuts(Scene scene) {
    byShortcut.keySet().forEach(shortcut -> scene.getAccelerators().remove(shortcut.combination()));
  }

  private ToggleButton toggle(String id, CallShortcut shortcut, String labelKey) {
    ToggleButton toggle = new ToggleButton();
    describe(toggle, id, shortcut, new ReadOnlyStringWrapper(Messages.get(labelKey)));
    return toggle;
  }

  private Button button(String id, CallShortcut shortcut, ObservableValue<String> label) {
    Button button = new Button();
    describe(button, id, shortcut, label);
    return button;
  }

  /// Id, accessible text (the label), tooltip (label and shortcut) and shortcut of one control.
  private void describe(ButtonBase control, String id, CallShortcut shortcut, ObservableValue<String> label) {
    control.setId(id);
    control.accessibleTextProperty().bind(label);
    control.setAccessibleHelp(shortcut.displayText());
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(label.map(text -> Messages.get("call.tooltip", text, shortcut.displayText())));
    control.setTooltip(tooltip);
    byShortcut.put(shortcut, control);
  }

  /// Shows `on` while the toggle is selected and `off` otherwise; with `markOff` the toggle also gets the
  /// style class `off` (a red icon) while unselected.
  private static void iconFollows(ToggleButton toggle, Ikon on, Ikon off, boolean markOff) {
    FontIcon icon = new FontIcon(toggle.isSelected() ? on : off);
    toggle.setGraphic(icon);
    Runnable mark = () -> {
      icon.setIconCode(toggle.isSelected() ? on : off);
      toggle.getStyleClass().remove("off");
      if (markOff && !toggle.isSelected()) {
        toggle.getStyleClass().add("off");
      }
    };
    mark.run();
    toggle.selectedProperty().addListener((obs, was, selected) -> mark.run());
  }
}
