package com.convene.desktop.ui.call;

import com.convene.desktop.call.HostControls;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.WaitingParticipant;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The host's actions in a call (the server refuses them with `FORBIDDEN` unless we are host or admin), and the
/// "are you sure?" that Remove, Mute all and End for all wait for (issue 16, item 8): such an action is put into
/// [#confirmationProperty()] and runs on [#confirm()]. FX thread only.
public final class HostActions {
  private final Supplier<@Nullable HostControls> controls;
  private final ObservableList<TileModel> participants;
  private final ObservableBooleanValue locked;
  private final ObservableBooleanValue recording;
  private final ObjectProperty<@Nullable Confirmation> confirmation = new SimpleObjectProperty<>();

  /// @param controls     the running call's host controls, or null before a call offers them
  /// @param participants the remote participants (for "Mute all N other participants?")
  /// @param locked       whether the room is locked, as the server last said
  /// @param recording    whether the meeting is being recorded, as the server last said
  HostActions(Supplier<@Nullable HostControls> controls, ObservableList<TileModel> participants,
      ObservableBooleanValue locked, ObservableBooleanValue recording) {
    this.controls = controls;
    this.participants = participants;
    this.locked = locked;
    this.recording = recording;
  }

  /// The action waiting for a "yes", or `null`.
  public ReadOnlyObjectProperty<@Nullable Confirmation> confirmationProperty() {
    return confirmation;
  }

  /// Carries out the action waiting for a "yes".
  public void confirm() {
    Confirmation pending = confirmation.get();
    confirmation.set(null);
    if (pending != null) {
      pending.action().run();
    }
  }

  /// Drops the action waiting for a "yes".
  public void cancelConfirmation() {
    confirmation.set(null);
  }

  /// Puts `question` up for a "yes" (replacing one that waits).
  void ask(Confirmation question) {
    confirmation.set(question);
  }

  /// Asks before removing `tile`'s participant from the meeting.
  public void askRemove(TileModel tile) {
    ask(new Confirmation(Messages.get("call.confirm.remove", tile.displayNameProperty().get()),
        Messages.get("call.confirm.removeButton"), () -> remove(tile)));
  }

  /// Asks before ending the meeting for everyone.
  public void askEndForAll() {
    ask(new Confirmation(Messages.get("call.confirm.end"), Messages.get("call.host.end"), this::endForAll));
  }

  /// Asks before muting everyone.
  public void askMuteAll() {
    ask(new Confirmation(Messages.get("call.confirm.muteAll", participants.size()),
        Messages.get("call.host.muteAll"), this::muteAll));
  }

  /// Lets a joiner in from the waiting room.
  public void admit(WaitingParticipant waiting) {
    with(host -> host.admit(waiting.waitingId()));
  }

  /// Turns a joiner away from the waiting room.
  public void deny(WaitingParticipant waiting) {
    with(host -> host.deny(waiting.waitingId()));
  }

  /// Turns a participant's microphone off (they may turn it on again).
  public void mute(TileModel tile) {
    with(host -> host.stopMediaOf(tile.participantId(), MediaSource.MICROPHONE));
  }

  /// Stops a participant's camera, or their screen share for a screen tile.
  public void stopVideo(TileModel tile) {
    with(host -> host.stopMediaOf(tile.participantId(), tile.screen() ? MediaSource.SCREEN : MediaSource.CAMERA));
  }

  /// Removes at once; the view asks first through [#askRemove].
  public void remove(TileModel tile) {
    with(host -> host.remove(tile.participantId()));
  }

  /// Hands the host role to a participant.
  public void makeHost(TileModel tile) {
    with(host -> host.makeHost(tile.participantId()));
  }

  /// Mutes everyone at once; the view asks first through [#askMuteAll].
  public void muteAll() {
    with(HostControls::muteAll);
  }

  /// Locks the room (nobody new gets in), or unlocks it.
  public void toggleLock() {
    with(host -> host.setLocked(!locked.get()));
  }

  /// Ends the meeting at once; the view asks first through [#askEndForAll].
  public void endForAll() {
    with(HostControls::endMeeting);
  }

  /// Starts the meeting's recording, or stops it while it runs; the indicator follows the server.
  public void toggleRecording() {
    with(host -> host.setRecording(!recording.get()));
  }

  private void with(java.util.function.Consumer<HostControls> action) {
    HostControls host = controls.get();
    if (host != null) {
      action.accept(host);
    }
  }
}
