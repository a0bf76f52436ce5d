package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import javafx.animation.FadeTransition;
import javafx.animation.ParallelTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/// Puts a [TileModel]'s state on its [VideoTile]: the raised hand (top left), microphone off, host and
/// connection quality (bottom right), the speaking highlight (style class `speaking`) and reactions floating
/// up over the tile. FX thread only.
///
/// Ids on the tile: `#handBadge`, `#micOffBadge`, `#hostBadge`, `#qualityBadge` (style class `quality-good`,
/// `-fair`, `-poor` or `-unknown`), `#reaction` (visible while a reaction floats).
final class TileOverlay {
  private TileOverlay() {}

  /// A new tile for `model`, bound to it.
  static VideoTile create(TileModel model) {
    VideoTile tile = new VideoTile(model.participantId());
    tile.nameProperty().bind(model.displayNameProperty());
    tile.accessibleTextProperty().bind(model.displayNameProperty());

    Label hand = badge("handBadge", new FontIcon(Material2MZ.PAN_TOOL), Messages.get("call.handRaised"));
    hand.getStyleClass().add("hand");
    show(hand, model.handRaisedProperty().get());
    model.handRaisedProperty().addListener((obs, was, raised) -> show(hand, raised));
    StackPane.setAlignment(hand, Pos.TOP_LEFT);

    Label micOff = badge("micOffBadge", new FontIcon(Material2MZ.MIC_OFF), Messages.get("call.muted"));
    show(micOff, model.audioMutedProperty().get() && !model.screen());
    model.audioMutedProperty().addListener((obs, was, muted) -> show(micOff, muted && !model.screen()));
    Label host = badge("hostBadge", null, Messages.get("call.hostBadge"));
    host.setText(Messages.get("call.hostBadge"));
    host.visibleProperty().bind(model.hostProperty());
    host.managedProperty().bind(host.visibleProperty());
    FontIcon qualityIcon = new FontIcon(Material2MZ.SIGNAL_CELLULAR_ALT);
    Label quality = badge("qualityBadge", qualityIcon, "");
    Tooltip qualityTip = new Tooltip();
    quality.setTooltip(qualityTip);
    applyQuality(quality, qualityTip, model.qualityProperty().get());
    model.qualityProperty().addListener((obs, was, now) -> applyQuality(quality, qualityTip, now));
    HBox corner = new HBox(4, micOff, host, quality);
    corner.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
    corner.setPickOnBounds(false);
    StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);

    Label reaction = new Label();
    reaction.setId("reaction");
    reaction.getStyleClass().add("reaction");
    reaction.setVisible(false);
    reaction.setMouseTransparent(true);
    model.reactionProperty().addListener((obs, old, now) -> {
      if (now != null) {
        floatUp(reaction, now.emoji());
      }
    });

    tile.getChildren().addAll(hand, corner, reaction);
    model.speakingProperty().addListener((obs, was, speaking) -> mark(tile, speaking));
    mark(tile, model.speakingProperty().get());
    return tile;
  }

  private static Label badge(String id, @org.jspecify.annotations.Nullable Node icon, String accessibleText) {
    Label label = new Label(null, icon);
    label.setId(id);
    label.getStyleClass().add("tile-badge");
    label.setAccessibleText(accessibleText);
    return label;
  }

  private static void show(Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }

  private static void mark(VideoTile tile, boolean speaking) {
    tile.getStyleClass().remove("speaking");
    if (speaking) {
      tile.getStyleClass().add("speaking");
    }
  }

  private static void applyQuality(Label badge, Tooltip tip, ConnectionQuality quality) {
    String name = quality.name().toLowerCase(java.util.Locale.ROOT);
    badge.getStyleClass().removeIf(c -> c.startsWith("quality-"));
    badge.getStyleClass().add("quality-" + name);
    String text = Messages.get("call.quality." + name);
    tip.setText(text);
    badge.setAccessibleText(text);
    show(badge, quality != ConnectionQuality.UNKNOWN);
  }

  /// Shows `emoji` rising and fading out over [Reactions#SHOW_MILLIS].
  private static void floatUp(Label label, String emoji) {
    label.setText(emoji);
    label.setAccessibleText(emoji);
    label.setVisible(true);
    Duration duration = Duration.millis(Reactions.SHOW_MILLIS);
    TranslateTransition rise = new TranslateTransition(duration, label);
    rise.setFromY(20);
    rise.setToY(-50);
    FadeTransition fade = new FadeTransition(duration, label);
    fade.setFromValue(1);
    fade.setToValue(0);
    ParallelTransition both = new ParallelTransition(rise, fade);
    both.setOnFinished(event -> label.setVisible(false));
    both.play();
  }
}
