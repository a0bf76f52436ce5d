package com.convene.desktop.ui.call;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.call.CallEvents;
import com.convene.desktop.call.HostControls;
import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.WaitingParticipant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/// State of the call screen, driven by [CallEvents] and acting through [CallControls]. FX thread only.
///
/// One camera tile per remote participant (created when they are known, video attached when it arrives) and
/// one extra tile per remote screen share. Also the meeting's gates: the password prompt (the call is started
/// again with the entered password), the "waiting for the host" state, and for hosts and admins the waiting
/// room queue and the host menu ([HostControls]).
///
/// Layout state: the grid or the speaker view (one large [#featuredProperty()] tile: a screen share, else the
/// active speaker, else the first tile), the participants and chat panels, and per tile the speaking
/// highlight and connection quality from [#onStats].
///
/// Our own tile is kept apart in [#selfView()] (not in [#tiles()]); a lost call is described by [#callLoss()];
/// the host's actions, and the confirmations they wait for, are in [#host()].
///
/// Size: over 500 lines because it is the one view model of the whole call window that receives every
/// [CallEvents] (tiles, gates, chat, rejoin); the parts with state of their own are apart: [SelfView], [ChatModel],
/// [HostActions], [CallLoss].
public final class CallViewModel implements CallEvents {
  /// Audio RMS (0–1 of full scale) from which a participant counts as speaking, about -40 dBFS.
  static final double SPEAKING_RMS = 0.01;

  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
  private final FilteredList<TileModel> participants = new FilteredList<>(tiles, tile -> !tile.screen());
  private final SelfView selfView;
  private final CallLoss callLoss = new CallLoss();
  private final HostActions host;
  private @Nullable String selfUserId;
  private final ChatModel chat = new ChatModel();
  private final BooleanProperty handRaised = new SimpleBooleanProperty();
  private final BooleanProperty speakerView = new SimpleBooleanProperty();
  private final BooleanProperty participantsOpen = new SimpleBooleanProperty();
  private final ObjectProperty<@Nullable TileModel> featured = new SimpleObjectProperty<>();
  private @Nullable TileModel lastSpeaker;
  /// Whether the server names the dominant speaker (then local loudness only draws the outline).
  private boolean serverSpeaker;
  private @Nullable String selfParticipantId;
  private long reactionSequence;
  private final StringProperty title = new SimpleStringProperty();
  private final StringProperty status = new SimpleStringProperty(Messages.get("call.connecting"));
  private final StringProperty audioWarning = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty micMuted = new SimpleBooleanProperty();
  private final BooleanProperty cameraOff = new SimpleBooleanProperty();
  private final BooleanProperty sharing = new SimpleBooleanProperty();
  private final StringProperty sharedScreen = new SimpleStringProperty("");
  private final BooleanProperty recording = new SimpleBooleanProperty();
  private final BooleanProperty reconnecting = new SimpleBooleanProperty();
  private final BooleanProperty joined = new SimpleBooleanProperty();
  private final BooleanProperty waitingForHost = new SimpleBooleanProperty();
  private final BooleanProperty passwordNeeded = new SimpleBooleanProperty();
  private final StringProperty passwordMessage = new SimpleStringProperty("");
  private final BooleanProperty moderator = new SimpleBooleanProperty();
  private final BooleanProperty locked = new SimpleBooleanProperty();
  private final StringProperty notice = new SimpleStringProperty("");
  private final ObservableList<WaitingParticipant> waitingRoom = FXCollections.observableArrayList();
  private final Consumer<CallOutcome> onClosed;
  private @Nullable CallControls controls;
  private @Nullable HostControls hostControls;
  private @Nullable Consumer<String> rejoinWithPassword;
  /// Automatic rejoins one call window makes before it gives up and shows why ([CallLoss]).
  static final int MAX_AUTOMATIC_REJOINS = CallLoss.MAX_AUTOMATIC_REJOINS;
  /// Whether "you have joined again" waits for a "cannot reach" notice to be withdrawn.
  private boolean rejoinedNoticePending;
  private boolean admin;

  /// @param title      meeting title shown while connecting
  /// @param onClosed   receives the message to show once the call is over
  public CallViewModel(String title, boolean audioDevicesAvailable, Consumer<String> onClosed) {
    this(title, audioDevicesAvailable, true, outcome -> onClosed.accept(outcome.message()));
  }

  /// @param title             meeting title shown while connecting
  /// @param microphonePresent whether the call has a microphone to send (a real one or the test tone); without
  ///                          one the microphone stays off and the button and participant list say so
  /// @param onClosed          receives how the call ended once the window should close
  public CallViewModel(String title, boolean audioDevicesAvailable, boolean microphonePresent,
      Consumer<CallOutcome> onClosed) {
    this.title.set(title);
    this.onClosed = onClosed;
    this.selfView = new SelfView(handRaised, micMuted, cameraOff, microphonePresent);
    this.host = new HostActions(() -> hostControls, participants, locked, recording);
    if (!microphonePresent) {
      micMuted.set(true);
    }
    if (!audioDevicesAvailable) {
      audioWarning.set(Messages.get("call.noAudioDevices"));
    }
  }

  /// Our own tile: shown or hidden, mirrored, our camera feed.
  public SelfView selfView() {
    return selfView;
  }

  /// What the window says while the call is lost.
  public CallLoss callLoss() {
    return callLoss;
  }

  /// Leaves this call for another meeting (a `convene://` link, a reminder's Join): asks first while others are in
  /// the call or the call is being lost (issue 16, item 4); alone in the call it leaves at once, as nothing is lost.
  /// @param meeting       the other meeting's join code or title, for the question
  /// @param leaveAndJoin  leaves this call and joins the other one (the app's link path)
  public void askLeaveFor(String meeting, Runnable leaveAndJoin) {
    if (participants.isEmpty() && joined.get()) {
      leaveAndJoin.run();
      return;
    }
    host.ask(new Confirmation(Messages.get("call.confirm.switch", meeting),
        Messages.get("call.confirm.switchButton"), leaveAndJoin));
  }

  /// Connects the controls of the started call (and its host controls when it offers them).
  public void attach(CallControls callControls) {
    this.controls = callControls;
    this.hostControls = callControls instanceof HostControls host ? host : null;
  }

  /// Whether the signed-in account is an admin (host controls in every meeting).
  public void setAdmin(boolean isAdmin) {
    admin = isAdmin;
    moderator.set(isAdmin || moderator.get());
  }

  /// How the app joins the same meeting again in this window after the call was lost in a way a new connection
  /// can fix (`media-failed`, `resume-refused`, `connection-lost`); at most [#MAX_AUTOMATIC_REJOINS] automatic
  /// times per window, see [CallLoss].
  public void onRejoinNeeded(Runnable rejoin) {
    callLoss.onRejoinNeeded(rejoin);
  }

  /// Where an entered meeting password goes: the app starts the call again with it.
  public void onPasswordSubmitted(Consumer<String> rejoin) {
    this.rejoinWithPassword = rejoin;
  }

  public BooleanProperty waitingForHostProperty() {
    return waitingForHost;
  }

  public BooleanProperty passwordNeededProperty() {
    return passwordNeeded;
  }

  /// Why the password prompt is shown ("needs a password" or "was wrong").
  public StringProperty passwordMessageProperty() {
    return passwordMessage;
  }

  /// Whether we may use host controls: host role in the room, or an admin account.
  public BooleanProperty moderatorProperty() {
    return moderator;
  }

  public BooleanProperty lockedProperty() {
    return locked;
  }

  /// A short note from the server side, e.g. "The host muted your microphone."
  public StringProperty noticeProperty() {
    return notice;
  }

  /// Joiners waiting for admission, longest-waiting first (hosts and admins only).
  public ObservableList<WaitingParticipant> waitingRoom() {
    return waitingRoom;
  }

  public ObservableList<TileModel> tiles() {
    return tiles;
  }

  /// Chat lines, `Name: text`, oldest first.
  public ObservableList<String> chatLines() {
    return chat.lines();
  }

  /// The text being typed into the chat input.
  public StringProperty chatDraftProperty() {
    return chat.draftProperty();
  }

  /// The chat panel: lines, draft, open, unread count.
  public ChatModel chat() {
    return chat;
  }

  /// The remote participants (camera tiles, no screen shares), in join order.
  public ObservableList<TileModel> participants() {
    return participants;
  }

  /// Whether our own hand is raised, as the room last told us.
  public BooleanProperty handRaisedProperty() {
    return handRaised;
  }

  /// Whether the speaker view (one large tile and a strip) is shown instead of the grid.
  public BooleanProperty speakerViewProperty() {
    return speakerView;
  }

  /// Whether the participants panel is shown.
  public BooleanProperty participantsOpenProperty() {
    return participantsOpen;
  }

  /// The tile the speaker view shows large: a screen share, else the active speaker, else the first tile.
  public ReadOnlyObjectProperty<@Nullable TileModel> featuredProperty() {
    return featured;
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

  /// The name of the screen we share (e.g. `Screen 1 (1920x1080)`), for the "You are sharing" banner.
  public StringProperty sharedScreenProperty() {
    return sharedScreen;
  }

  /// Whether the media connection is being re-established; the view says "reconnecting" while true.
  public BooleanProperty reconnectingProperty() {
    return reconnecting;
  }

  @Override
  public void onReconnecting(boolean isReconnecting) {
    reconnecting.set(isReconnecting);
  }

  /// Shows (or, once media connects, withdraws) why audio and video do not get through.
  @Override
  public void onMediaUnreachable(boolean unreachable) {
    String message = Messages.get("call.mediaUnreachable");
    if (unreachable) {
      notice.set(message);
    } else if (message.equals(notice.get())) {
      notice.set(rejoinedNoticePending ? Messages.get("call.rejoined") : "");
      rejoinedNoticePending = false;
    }
  }

  /// Whether the meeting is being recorded; the view shows a recording indicator while true.
  public BooleanProperty recordingProperty() {
    return recording;
  }

  public BooleanProperty joinedProperty() {
    return joined;
  }

  // ---- user actions ----

  /// Turns the microphone off or on; without a microphone it stays off.
  public void setMicMuted(boolean muted) {
    if (!muted && !selfView.microphonePresentProperty().get()) {
      micMuted.set(true);
      return;
    }
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
      sharedScreen.set(screen.name());
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
    chat.send(controls);
  }

  /// Raises our hand, or lowers it when raised; the state follows the room's answer.
  public void toggleHand() {
    if (controls != null) {
      boolean raise = !handRaised.get();
      handRaised.set(raise);
      controls.setHandRaised(raise);
    }
  }

  /// Sends a reaction everyone sees over our tile.
  public void react(String emoji) {
    if (controls != null) {
      controls.sendReaction(emoji);
    }
  }

  /// Leaves the call; from a lost call (joining again, or given up) the window closes at once.
  public void leave() {
    if (callLoss.lostProperty().get()) {
      reconnecting.set(false);
      if (callLoss.abandon() && controls != null) {
        controls.leave(); // the session being started again
      }
      onClosed.accept(new CallOutcome(Messages.get("call.ended.left"), false));
    } else if (controls != null) {
      controls.leave();
    } else {
      onClosed.accept(new CallOutcome(Messages.get("call.ended.left"), false));
    }
  }

  /// Joins again after the window gave up on a lost call ("Join again").
  public void rejoinNow() {
    callLoss.rejoinNow();
    reconnecting.set(callLoss.retryingProperty().get());
  }

  /// Joins again with `password` after the password prompt.
  public void submitPassword(String password) {
    if (password.isEmpty() || rejoinWithPassword == null) {
      return;
    }
    passwordNeeded.set(false);
    error.set("");
    status.set(Messages.get("call.connecting"));
    rejoinWithPassword.accept(password);
  }

  // ---- host actions: see [HostActions] ----

  /// The host's actions and the confirmations they wait for.
  public HostActions host() {
    return host;
  }

  // ---- CallEvents ----

  @Override
  public void onPasswordNeeded(boolean wrong) {
    waitingForHost.set(false);
    passwordMessage.set(Messages.get(wrong ? "call.password.wrong" : "call.password.required"));
    passwordNeeded.set(true);
    status.set("");
  }

  @Override
  public void onWaitingForHost() {
    waitingForHost.set(true);
    status.set(Messages.get("call.waitingForHost"));
  }

  @Override
  public void onWaitingRoomUpdated(List<WaitingParticipant> waiting) {
    if (waiting.size() > waitingRoom.size()) {
      participantsOpen.set(true); // someone knocks (only hosts are told): show the queue
    }
    waitingRoom.setAll(waiting);
  }

  @Override
  public void onSelfUpdated(ParticipantInfo self) {
    moderator.set(admin || "host".equals(self.role()));
    micMuted.set(self.audioMuted());
    handRaised.set(self.handRaised());
    selfParticipantId = self.participantId();
    selfUserId = self.userId();
    selfView.setName(self.displayName());
    if (!moderator.get()) {
      waitingRoom.clear();
    }
  }

  @Override
  public void onMediaStopped(MediaSource source, String reason) {
    switch (source) {
      case MICROPHONE -> micMuted.set(true);
      case CAMERA -> cameraOff.set(true);
      case SCREEN -> sharing.set(false);
    }
    notice.set(Messages.get("call.stopped." + source.name().toLowerCase(java.util.Locale.ROOT) + "." + reason));
  }

  @Override
  public void onRoomUpdated(RoomUpdated rules) {
    locked.set(rules.locked());
  }

  @Override
  public void onJoined(String meetingTitle, List<ParticipantInfo> others) {
    reconnecting.set(false); // after an automatic rejoin
    if (callLoss.joined()) {
      // says so; a "cannot reach" message keeps its place until media gets through, then gives way to this one
      if (Messages.get("call.mediaUnreachable").equals(notice.get())) {
        rejoinedNoticePending = true;
      } else {
        notice.set(Messages.get("call.rejoined"));
      }
    }
    waitingForHost.set(false);
    title.set(meetingTitle);
    joined.set(true);
    chat.joined(java.time.Instant.now());
    others.forEach(this::onParticipantJoined);
    updateStatus();
  }

  @Override
  public void onJoinFailed(String message) {
    callLoss.joinFailed(false);
    error.set(message);
  }

  @Override
  public void onServerUnreachable(String message) {
    callLoss.joinFailed(true);
    if (!callLoss.rejoining()) {
      error.set(message);
    }
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
    if (lastSpeaker != null && lastSpeaker.participantId().equals(participantId)) {
      lastSpeaker = null;
    }
    updateStatus();
    updateFeatured();
  }

  @Override
  public void onRemoteVideo(String participantId, String trackId, MediaSource source, VideoFeed feed) {
    if (source == MediaSource.SCREEN) {
      TileModel tile = new TileModel(participantId, trackId, true);
      String owner = find(participantId).map(t -> t.displayNameProperty().get()).orElse(participantId);
      tile.displayNameProperty().set(Messages.get("call.screenOf", owner));
      tile.feedProperty().set(feed);
      reportSize(tile);
      tiles.add(tile);
      speakerView.set(true); // a screen share is shown large
    } else {
      cameraTile(participantId).feedProperty().set(feed);
    }
    updateStatus();
    updateFeatured();
  }

  @Override
  public void onRemoteVideoEnded(String participantId, String trackId) {
    tiles.removeIf(tile -> tile.screen() && tile.key().equals(trackId));
    find(participantId).ifPresent(tile -> tile.feedProperty().set(null));
    updateFeatured();
  }

  @Override
  public void onScreenShareStopped() {
    sharing.set(false);
    error.set(Messages.get("call.shareFailed"));
  }

  @Override
  public void onRecordingChanged(boolean isRecording) {
    recording.set(isRecording);
  }

  @Override
  public void onChatMessage(ChatEntry message) {
    chat.received(message, selfParticipantId, selfUserId);
  }

  /// Marks the loudest participant above the speaking threshold (RMS 0.01 of full scale, about -40 dBFS) as
  /// speaking and rates every tile's connection.
  @Override
  public void onStats(List<ParticipantStats> stats) {
    ParticipantStats loudest = null;
    for (ParticipantStats s : stats) {
      Optional<TileModel> tile = find(s.participantId());
      if (tile.isEmpty()) {
        continue;
      }
      TileModel t = tile.get();
      t.qualityProperty().set(ConnectionQuality.rate(s,
          t.feedProperty().get() != null && !t.videoMutedProperty().get()));
      if (s.audioRms() >= SPEAKING_RMS && !t.audioMutedProperty().get()
          && (loudest == null || s.audioRms() > loudest.audioRms())) {
        loudest = s;
      }
    }
    String speakerId = loudest == null ? null : loudest.participantId();
    for (TileModel tile : participants) {
      tile.speakingProperty().set(tile.participantId().equals(speakerId));
    }
    if (speakerId != null && !serverSpeaker) {
      lastSpeaker = find(speakerId).orElse(lastSpeaker);
    }
    updateFeatured();
  }

  @Override
  public void onReaction(String participantId, String emoji) {
    if (!Reactions.EMOJI.contains(emoji)) {
      return;
    }
    if (participantId.equals(selfParticipantId)) {
      selfView.react(new Reaction(emoji, ++reactionSequence));
      return;
    }
    find(participantId).ifPresent(tile -> tile.reactionProperty().set(new Reaction(emoji, ++reactionSequence)));
  }

  @Override
  public void onError(String message) {
    error.set(message);
  }

  /// Our camera (or pattern) as sent, for the self-view; `null` once the call sends none.
  @Override
  public void onLocalVideo(@Nullable VideoFeed feed) {
    selfView.setFeed(feed);
  }

  @Override
  public void onEnded(String reason) {
    if (callLoss.abandoned()) {
      return; // the user left the lost call; the session being started again ended too
    }
    joined.set(false);
    waitingForHost.set(false);
    tiles.clear();
    waitingRoom.clear();
    lastSpeaker = null;
    featured.set(null);
    if (passwordNeeded.get() && "join-failed".equals(reason) && rejoinWithPassword != null) {
      return; // the prompt stays; submitPassword starts the call again
    }
    // a "cannot reach" message stays until the new connection gets through (it reports that in any case)
    switch (callLoss.ended(reason)) {
      case IGNORE -> { }
      case REJOINING -> reconnecting.set(true);
      case GAVE_UP -> reconnecting.set(false);
      case CLOSE -> {
        reconnecting.set(false);
        String message = error.get() != null && !error.get().isBlank() && "join-failed".equals(reason)
            ? error.get() : endMessage(reason);
        onClosed.accept(new CallOutcome(message, !"left".equals(reason)));
      }
    }
  }

  /// The message for a call that ended with `reason`; an unknown reason counts as a lost connection.
  static String endMessage(String reason) {
    return Messages.bundle().containsKey("call.ended." + reason) ? Messages.get("call.ended." + reason)
        : Messages.get("call.ended.connection-lost");
  }

  /// The server's dominant speaker (decision 100) is what speaker view features; the local loudness outline stays.
  @Override
  public void onDominantSpeaker(String participantId) {
    serverSpeaker = true;
    find(participantId).ifPresent(tile -> lastSpeaker = tile);
    updateFeatured();
  }

  // ---- helpers ----

  /// Tells the call how large a remote tile is drawn whenever it appears, disappears or its height changes by a
  /// quarter or more, so the server sends the simulcast layer that fits (decision 100).
  private void reportSize(TileModel tile) {
    tile.shownSizeProperty().addListener((observable, before, now) -> {
      int previous = before.visible() ? before.height() : 0;
      int height = now.visible() ? now.height() : 0;
      boolean changed = (previous == 0) != (height == 0)
          || Math.abs(height - previous) >= Math.max(1, previous / 4);
      if (changed && controls != null) {
        controls.setVideoReceiveHeight(tile.participantId(), tile.screen(), height);
      }
    });
  }

  private TileModel cameraTile(String participantId) {
    return find(participantId).orElseGet(() -> {
      TileModel tile = new TileModel(participantId, participantId, false);
      tile.displayNameProperty().set(participantId);
      reportSize(tile);
      tiles.add(tile);
      if (featured.get() == null) {
        featured.set(tile);
      }
      return tile;
    });
  }

  private Optional<TileModel> find(String participantId) {
    return tiles.stream().filter(t -> !t.screen() && t.participantId().equals(participantId)).findFirst();
  }

  private static void apply(TileModel tile, ParticipantInfo participant) {
    tile.displayNameProperty().set(participant.displayName());
    tile.audioMutedProperty().set(participant.audioMuted());
    tile.hostProperty().set("host".equals(participant.role()));
    tile.videoMutedProperty().set(participant.videoMuted());
    tile.handRaisedProperty().set(participant.handRaised());
  }

  private void updateFeatured() {
    TileModel next = tiles.stream().filter(TileModel::screen).findFirst()
        .or(() -> Optional.ofNullable(lastSpeaker).filter(tiles::contains))
        .or(() -> tiles.stream().findFirst())
        .orElse(null);
    if (featured.get() != next) {
      featured.set(next);
    }
  }

  private void updateStatus() {
    status.set(joined.get() && tiles.isEmpty() ? Messages.get("call.waiting") : "");
  }
}
