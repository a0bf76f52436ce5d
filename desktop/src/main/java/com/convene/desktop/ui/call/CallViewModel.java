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
import com.convene.desktop.call.RetryDelays;
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
/// host actions that cannot be undone wait in [#confirmationProperty()] for a "yes".
///
/// Size: over 500 lines because it is the one view model of the whole call window (tiles, chat, host controls,
/// reconnect and rejoin); chat and host controls are the parts to move into view models of their own.
public final class CallViewModel implements CallEvents {
  /// Audio RMS (0–1 of full scale) from which a participant counts as speaking, about -40 dBFS.
  static final double SPEAKING_RMS = 0.01;

  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
  private final FilteredList<TileModel> participants = new FilteredList<>(tiles, tile -> !tile.screen());
  private final SelfView selfView;
  private final CallLoss callLoss = new CallLoss();
  private final ObjectProperty<@Nullable Confirmation> confirmation = new SimpleObjectProperty<>();
  /// Set when the user left a lost call: later events of the abandoned session change nothing.
  private boolean abandoned;
  private @Nullable String selfUserId;
  private final ChatModel chat = new ChatModel();
  private final BooleanProperty handRaised = new SimpleBooleanProperty();
  private final BooleanProperty speakerView = new SimpleBooleanProperty();
  private final BooleanProperty participantsOpen = new SimpleBooleanProperty();
  private final ObjectProperty<@Nullable TileModel> featured = new SimpleObjectProperty<>();
  private @Nullable TileModel lastSpeaker;
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
  /// End reasons after which joining again in the same window is worth a try.
  private static final java.util.Set<String> REJOINABLE =
      java.util.Set.of("media-failed", "resume-refused", "connection-lost");
  /// Automatic rejoins one call window makes before it gives up and shows the end message.
  static final int MAX_AUTOMATIC_REJOINS = 10;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallViewModel.class);
  /// How long after a call was lost the window keeps joining again while the server cannot be reached, ns.
  static final long REJOIN_WINDOW_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
  private @Nullable Runnable rejoin;
  private int automaticRejoins;
  /// Whether the call being started is an automatic rejoin (cleared once joined).
  private boolean rejoining;
  /// `System.nanoTime()` when the call that is being rejoined was lost.
  private long lostAtNanos;
  /// Join attempts of the current rejoin that found the server unreachable.
  private int unreachableAttempts;
  /// Whether the latest join failure was "server unreachable" (not a refusal).
  private boolean lastJoinUnreachable;
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

  /// The host action waiting for a "yes", or `null`.
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

  /// Asks before removing `tile`'s participant from the meeting.
  public void askRemove(TileModel tile) {
    confirmation.set(new Confirmation(Messages.get("call.confirm.remove", tile.displayNameProperty().get()),
        Messages.get("call.confirm.removeButton"), () -> remove(tile)));
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
    confirmation.set(new Confirmation(Messages.get("call.confirm.switch", meeting),
        Messages.get("call.confirm.switchButton"), leaveAndJoin));
  }

  /// Asks before ending the meeting for everyone.
  public void askEndForAll() {
    confirmation.set(new Confirmation(Messages.get("call.confirm.end"), Messages.get("call.host.end"),
        this::endForAll));
  }

  /// Asks before muting everyone.
  public void askMuteAll() {
    confirmation.set(new Confirmation(Messages.get("call.confirm.muteAll", participants.size()),
        Messages.get("call.host.muteAll"), this::muteAll));
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
  /// can fix (`media-failed`, `resume-refused`); at most [#MAX_AUTOMATIC_REJOINS] times per window.
  public void onRejoinNeeded(Runnable rejoin) {
    this.rejoin = rejoin;
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
      abandoned = true;
      callLoss.clear();
      reconnecting.set(false);
      if (controls != null && rejoining) {
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
    if (rejoin != null && callLoss.lostProperty().get() && !callLoss.retryingProperty().get()) {
      automaticRejoins = 0;
      startRejoin();
    }
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

  // ---- host actions (the server refuses them with FORBIDDEN unless we are host or admin) ----

  public void admit(WaitingParticipant waiting) {
    if (hostControls != null) {
      hostControls.admit(waiting.waitingId());
    }
  }

  public void deny(WaitingParticipant waiting) {
    if (hostControls != null) {
      hostControls.deny(waiting.waitingId());
    }
  }

  public void mute(TileModel tile) {
    if (hostControls != null) {
      hostControls.stopMediaOf(tile.participantId(), MediaSource.MICROPHONE);
    }
  }

  public void stopVideo(TileModel tile) {
    if (hostControls != null) {
      hostControls.stopMediaOf(tile.participantId(), tile.screen() ? MediaSource.SCREEN : MediaSource.CAMERA);
    }
  }

  public void remove(TileModel tile) {
    if (hostControls != null) {
      hostControls.remove(tile.participantId());
    }
  }

  public void makeHost(TileModel tile) {
    if (hostControls != null) {
      hostControls.makeHost(tile.participantId());
    }
  }

  public void muteAll() {
    if (hostControls != null) {
      hostControls.muteAll();
    }
  }

  public void toggleLock() {
    if (hostControls != null) {
      hostControls.setLocked(!locked.get());
    }
  }

  public void endForAll() {
    if (hostControls != null) {
      hostControls.endMeeting();
    }
  }

  /// Starts the meeting's recording, or stops it while it runs (host); the indicator follows the server.
  public void toggleRecording() {
    if (hostControls != null) {
      hostControls.setRecording(!recording.get());
    }
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
    if (rejoining) {
      rejoining = false;
      unreachableAttempts = 0;
      // says so; a "cannot reach" message keeps its place until media gets through, then gives way to this one
      if (Messages.get("call.mediaUnreachable").equals(notice.get())) {
        rejoinedNoticePending = true;
      } else {
        notice.set(Messages.get("call.rejoined"));
      }
    }
    waitingForHost.set(false);
    callLoss.clear();
    title.set(meetingTitle);
    joined.set(true);
    chat.joined(java.time.Instant.now());
    others.forEach(this::onParticipantJoined);
    updateStatus();
  }

  @Override
  public void onJoinFailed(String message) {
    lastJoinUnreachable = false;
    error.set(message);
  }

  @Override
  public void onServerUnreachable(String message) {
    lastJoinUnreachable = true;
    if (!rejoining) {
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
    if (speakerId != null) {
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
    if (abandoned) {
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
    boolean lost = REJOINABLE.contains(reason);
    boolean unreachable = rejoining && "join-failed".equals(reason) && lastJoinUnreachable;
    if (lost && rejoin != null && automaticRejoins < MAX_AUTOMATIC_REJOINS) {
      automaticRejoins++;
      LOG.info("Call lost ({}); joining again, attempt {} of {}", reason, automaticRejoins, MAX_AUTOMATIC_REJOINS);
      lostAtNanos = System.nanoTime();
      // a "cannot reach" message stays until the new connection gets through (it reports that in any case)
      startRejoin();
      return;
    }
    if (unreachable && rejoin != null && System.nanoTime() - lostAtNanos < REJOIN_WINDOW_NANOS) {
      // the server is not back yet (a restart, a network still down): try again shortly, without a click
      long delay = RetryDelays.RECONNECT.apply(++unreachableAttempts);
      callLoss.retrying(unreachableAttempts + 1);
      LOG.info("Server unreachable while rejoining; trying again in {} ms", delay);
      Runnable again = rejoin;
      java.util.concurrent.CompletableFuture.delayedExecutor(delay, java.util.concurrent.TimeUnit.MILLISECONDS)
          .execute(() -> javafx.application.Platform.runLater(() -> {
            if (!abandoned) {
              again.run();
            }
          }));
      return;
    }
    if ((lost || unreachable) && rejoin != null) {
      // given up joining again by itself: say so in the window, with "Join again" and "Leave" (never the list)
      rejoining = false;
      reconnecting.set(false);
      String why = unreachable ? Messages.get("call.lost.unreachable") : endMessage(reason);
      callLoss.gaveUp(why);
      return;
    }
    String message = error.get() != null && !error.get().isBlank() && "join-failed".equals(reason)
        ? error.get() : endMessage(reason);
    callLoss.clear();
    reconnecting.set(false);
    onClosed.accept(new CallOutcome(message, !"left".equals(reason)));
  }

  /// Starts joining again in this window (automatic, or "Join again").
  private void startRejoin() {
    reconnecting.set(true);
    rejoining = true;
    unreachableAttempts = 0;
    callLoss.retrying(1);
    Runnable again = rejoin;
    if (again != null) {
      again.run();
    }
  }

  private static String endMessage(String reason) {
    return Messages.bundle().containsKey("call.ended." + reason) ? Messages.get("call.ended." + reason)
        : Messages.get("call.ended.connection-lost");
  }

  // ---- helpers ----

  private TileModel cameraTile(String participantId) {
    return find(participantId).orElseGet(() -> {
      TileModel tile = new TileModel(participantId, participantId, false);
      tile.displayNameProperty().set(participantId);
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
