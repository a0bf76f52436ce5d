package com.convene.desktop.ui.call;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.call.CallEvents;
import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// State of the call screen, driven by [CallEvents] and acting through [CallControls]. FX thread only.
///
/// One camera tile per remote participant (created when they are known, video attached when it arrives) and
/// one extra tile per remote screen share.
public final class CallViewModel implements CallEvents {
  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
  private final ObservableList<String> chatLines = FXCollections.observableArrayList();
  private final StringProperty chatDraft = new SimpleStringProperty("");
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty status = new SimpleStringProperty(Messages.get("call.connecting"));
  private final StringProperty audioWarning = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty micMuted = new SimpleBooleanProperty();
  private final BooleanProperty cameraOff = new SimpleBooleanProperty();
  private final BooleanProperty sharing = new SimpleBooleanProperty();
  private final BooleanProperty joined = new SimpleBooleanProperty();
  private final Consumer<String> onClosed;
  private @Nullable CallControls controls;

  /// @param title      meeting title shown while connecting
  /// @param onClosed   receives the message to show once the call is over
  public CallViewModel(String title, boolean audioDevicesAvailable, Consumer<String> onClosed) {
    this.title.set(title);
    this.onClosed = onClosed;
    if (!audioDevicesAvailable) {
      audioWarning.set(Messages.get("call.noAudioDevices"));
    }
  }

  /// Connects the controls of the started call.
  public void attach(CallControls callControls) {
    this.controls = callControls;
  }

  public ObservableList<TileModel> tiles() {
    return tiles;
  }

  /// Chat lines, `Name: text`, oldest first.
  public ObservableList<String> chatLines() {
    return chatLines;
  }

  /// The text being typed into the chat input.
  public StringProperty chatDraftProperty() {
    return chatDraft;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty audioWarningProperty() {
    return audioWarning;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty micMutedProperty() {
    return micMuted;
  }

  public BooleanProperty cameraOffProperty() {
    return cameraOff;
  }

  public BooleanProperty sharingProperty() {
    return sharing;
  }

  public BooleanProperty joinedProperty() {
    return joined;
  }

  // ---- user actions ----

  public void setMicMuted(boolean muted) {
    micMuted.set(muted);
    if (controls != null) {
      controls.setAudioMuted(muted);
    }
  }

  public void setCameraOff(boolean off) {
    cameraOff.set(off);
    if (controls != null) {
      controls.setVideoMuted(off);
    }
  }

  public void startShare(ScreenInfo screen) {
    if (controls != null && !sharing.get()) {
      sharing.set(true);
      controls.startScreenShare(screen);
    }
  }

  public void stopShare() {
    if (controls != null && sharing.get()) {
      sharing.set(false);
      controls.stopScreenShare();
    }
  }

  /// Sends the chat draft (trimmed, cut to 4,000 characters) and clears it; does nothing when blank.
  public void sendChat() {
    String text = chatDraft.get() == null ? "" : chatDraft.get().strip();
    if (text.isEmpty() || controls == null) {
      return;
    }
    controls.sendChat(text.length() > 4_000 ? text.substring(0, 4_000) : text);
    chatDraft.set("");
  }

  public void leave() {
    if (controls != null) {
      controls.leave();
    } else {
      onClosed.accept(Messages.get("call.ended.left"));
    }
  }

  // ---- CallEvents ----

  @Override
  public void onJoined(String meetingTitle, List<ParticipantInfo> others) {
    title.set(meetingTitle);
    joined.set(true);
    others.forEach(this::onParticipantJoined);
    updateStatus();
  }

  @Override
  public void onJoinFailed(String message) {
    error.set(message);
  }

  @Override
  public void onParticipantJoined(ParticipantInfo participant) {
    TileModel tile = cameraTile(participant.participantId());
    apply(tile, participant);
    updateStatus();
  }

  @Override
  public void onParticipantUpdated(ParticipantInfo participant) {
    find(participant.participantId()).ifPresent(tile -> apply(tile, participant));
  }

  @Override
  public void onParticipantLeft(String participantId) {
    tiles.removeIf(tile -> tile.participantId().equals(participantId));
    updateStatus();
  }

  @Override
  public void onRemoteVideo(String participantId, String trackId, MediaSource source, VideoFeed feed) {
    if (source == MediaSource.SCREEN) {
      TileModel tile = new TileModel(participantId, trackId, true);
      String owner = find(participantId).map(t -> t.displayNameProperty().get()).orElse(participantId);
      tile.displayNameProperty().set(Messages.get("call.screenOf", owner));
      tile.feedProperty().set(feed);
      tiles.add(tile);
    } else {
      cameraTile(participantId).feedProperty().set(feed);
    }
    updateStatus();
  }

  @Override
  public void onRemoteVideoEnded(String participantId, String trackId) {
    tiles.removeIf(tile -> tile.screen() && tile.key().equals(trackId));
    find(participantId).ifPresent(tile -> tile.feedProperty().set(null));
  }

  @Override
  public void onScreenShareStopped() {
    sharing.set(false);
    error.set(Messages.get("call.shareFailed"));
  }

  @Override
  public void onChatMessage(ChatEntry message) {
    chatLines.add(message.senderName() + ": " + message.content());
  }

  @Override
  public void onError(String message) {
    error.set(message);
  }

  @Override
  public void onEnded(String reason) {
    joined.set(false);
    tiles.clear();
    String message = error.get() != null && !error.get().isBlank() && "join-failed".equals(reason)
        ? error.get()
        : Messages.bundle().containsKey("call.ended." + reason) ? Messages.get("call.ended." + reason)
        : Messages.get("call.ended.connection-lost");
    onClosed.accept(message);
  }

  // ---- helpers ----

  private TileModel cameraTile(String participantId) {
    return find(participantId).orElseGet(() -> {
      TileModel tile = new TileModel(participantId, participantId, false);
      tile.displayNameProperty().set(participantId);
      tiles.add(tile);
      return tile;
    });
  }

  private Optional<TileModel> find(String participantId) {
    return tiles.stream().filter(t -> !t.screen() && t.participantId().equals(participantId)).findFirst();
  }

  private static void apply(TileModel tile, ParticipantInfo participant) {
    tile.displayNameProperty().set(participant.displayName());
    tile.audioMutedProperty().set(participant.audioMuted());
  }

  private void updateStatus() {
    status.set(joined.get() && tiles.isEmpty() ? Messages.get("call.waiting") : "");
  }
}
