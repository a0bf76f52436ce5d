package com.convene.desktop.ui.call;

import com.convene.desktop.call.VideoFeed;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/// One tile of the grid: a remote participant's camera, one of their screen shares, or our own self-view. FX thread
/// only.
public final class TileModel {
  private final String participantId;
  private final String key;
  private final boolean screen;
  private final boolean self;
  private final ObjectProperty<TileSize> shownSize = new SimpleObjectProperty<>(TileSize.HIDDEN);
  private final StringProperty displayName = new SimpleStringProperty("");
  private final BooleanProperty audioMuted = new SimpleBooleanProperty();
  private final BooleanProperty host = new SimpleBooleanProperty();
  private final BooleanProperty videoMuted = new SimpleBooleanProperty();
  private final BooleanProperty handRaised = new SimpleBooleanProperty();
  private final BooleanProperty speaking = new SimpleBooleanProperty();
  private final ObjectProperty<ConnectionQuality> quality = new SimpleObjectProperty<>(ConnectionQuality.UNKNOWN);
  private final ObjectProperty<@Nullable Reaction> reaction = new SimpleObjectProperty<>();
  private final ObjectProperty<@Nullable VideoFeed> feed = new SimpleObjectProperty<>();

  /// @param key participant id for a camera tile, track id for a screen tile
  TileModel(String participantId, String key, boolean screen) {
    this(participantId, key, screen, false);
  }

  /// @param self whether this is our own camera (the self-view)
  TileModel(String participantId, String key, boolean screen, boolean self) {
    this.participantId = participantId;
    this.key = key;
    this.screen = screen;
    this.self = self;
  }

  /// Whether this is our own camera (the self-view), not a remote participant.
  public boolean self() {
    return self;
  }

  /// How large the tile is drawn now and whether it is shown at all, set by the view on every layout change;
  /// [TileSize#HIDDEN] until shown. What the simulcast layer choice will follow.
  public ObjectProperty<TileSize> shownSizeProperty() {
    return shownSize;
  }

  public String participantId() {
    return participantId;
  }

  /// Participant id for a camera tile, track id for a screen tile.
  public String key() {
    return key;
  }

  public boolean screen() {
    return screen;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  public BooleanProperty audioMutedProperty() {
    return audioMuted;
  }

  /// Whether this participant holds the host role.
  public BooleanProperty hostProperty() {
    return host;
  }

  /// Whether the participant's camera is off.
  public BooleanProperty videoMutedProperty() {
    return videoMuted;
  }

  /// Whether the participant raised their hand.
  public BooleanProperty handRaisedProperty() {
    return handRaised;
  }

  /// Whether the participant is speaking now (their audio level is the loudest above the speaking threshold).
  public BooleanProperty speakingProperty() {
    return speaking;
  }

  /// How well their media reaches us.
  public ObjectProperty<ConnectionQuality> qualityProperty() {
    return quality;
  }

  /// The latest reaction they sent, or `null`; the view floats each new value for [Reactions#SHOW_MILLIS].
  public ObjectProperty<@Nullable Reaction> reactionProperty() {
    return reaction;
  }

  /// The video to draw, or `null` when the participant sends none.
  public ObjectProperty<@Nullable VideoFeed> feedProperty() {
    return feed;
  }
}
