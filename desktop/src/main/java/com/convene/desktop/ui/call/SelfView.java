package com.convene.desktop.ui.call;

import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.jspecify.annotations.Nullable;

/// Our own tile (the self-view, docs/decisions/096-self-view.md): our camera as we send it, shown mirrored by
/// default, with our name, our raised hand and our own reactions; it can be hidden. Alone in a meeting it is the
/// one tile on the stage. FX thread only.
public final class SelfView {
  private final TileModel tile = new TileModel("self", "self", false, true);
  private final BooleanProperty shown = new SimpleBooleanProperty(true);
  private final BooleanProperty mirrored = new SimpleBooleanProperty(true);
  private final ReadOnlyBooleanWrapper microphonePresent;

  /// @param handRaised our hand as the room last told us
  /// @param micMuted   our microphone state
  /// @param cameraOff  our camera state; while off the tile shows our initials instead of video
  SelfView(ObservableBooleanValue handRaised, ObservableBooleanValue micMuted, ObservableBooleanValue cameraOff,
      boolean microphonePresent) {
    this.microphonePresent = new ReadOnlyBooleanWrapper(microphonePresent);
    tile.displayNameProperty().set(Messages.get("call.participants.you"));
    tile.handRaisedProperty().bind(handRaised);
    tile.audioMutedProperty().bind(micMuted);
    tile.videoMutedProperty().bind(cameraOff);
  }

  /// The self-view tile ([TileModel#self()] is true).
  public TileModel tile() {
    return tile;
  }

  /// Whether the self-view is on the stage; `true` by default ("Hide self view" sets it `false`).
  public BooleanProperty shownProperty() {
    return shown;
  }

  /// Whether the self-view is flipped left to right like a mirror; `true` by default. Others always see the
  /// picture unflipped.
  public BooleanProperty mirroredProperty() {
    return mirrored;
  }

  /// Whether this computer has a microphone; without one the call starts muted and the microphone cannot be
  /// turned on.
  public ReadOnlyBooleanProperty microphonePresentProperty() {
    return microphonePresent.getReadOnlyProperty();
  }

  /// Our name as the room knows it; the tile shows "Name (you)".
  void setName(String displayName) {
    tile.displayNameProperty().set(Messages.get("call.selfName", displayName));
  }

  /// Our local camera (or pattern) as it is sent, or `null` when the call sends no video.
  void setFeed(@Nullable VideoFeed feed) {
    tile.feedProperty().set(feed);
  }

  /// Shows one of our own reactions (the room echoes them back to us).
  void react(Reaction reaction) {
    tile.reactionProperty().set(reaction);
  }
}
