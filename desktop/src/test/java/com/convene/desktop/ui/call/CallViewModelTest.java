package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.call.HostControls;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.WaitingParticipant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallViewModelTest {
  private final List<String> closed = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();
  private final CallViewModel model = new CallViewModel("Standup", true, closed::add);

  CallViewModelTest() {
    model.attach(new Controls());
  }

  /// Records every call and host request.
  private final class Controls implements CallControls, HostControls {
    @Override
    public void admit(String waitingId) {
      requests.add("admit " + waitingId);
    }

    @Override
    public void deny(String waitingId) {
      requests.add("deny " + waitingId);
    }

    @Override
    public void stopMediaOf(String participantId, MediaSource source) {
      requests.add("stop " + source + " of " + participantId);
    }

    @Override
    public void muteAll() {
      requests.add("mute all");
    }

    @Override
    public void remove(String participantId) {
      requests.add("remove " + participantId);
    }

    @Override
    public void makeHost(String participantId) {
      requests.add("make host " + participantId);
    }

    @Override
    public void setLocked(boolean locked) {
      requests.add("locked=" + locked);
    }

    @Override
    public void endMeeting() {
      requests.add("end");
    }

    @Override
    public void setRecording(boolean recording) {
      requests.add("record:" + recording);
    }

    @Override
    public void setAudioMuted(boolean muted) {
      requests.add("audioMuted=" + muted);
    }

    @Override
    public void setVideoMuted(boolean muted) {
      requests.add("videoMuted=" + muted);
    }

    @Override
    public void startScreenShare(ScreenInfo screen) {
      requests.add("share " + screen.id());
    }

    @Override
    public void stopScreenShare() {
      requests.add("stop share");
    }

    @Override
    public void sendChat(String text) {
      requests.add("chat " + text);
    }

    @Override
    public void setHandRaised(boolean raised) {
      requests.add("hand=" + raised);
    }

    @Override
    public void setVideoReceiveHeight(String participantId, boolean screen, int height) {
      requests.add("receive " + participantId + (screen ? " screen " : " camera ") + height);
    }

    @Override
    public void leave() {
      requests.add("leave");
    }
  }

  /// Decision 100: the server's dominant speaker is what speaker view features, even when another participant is
  /// louder on this machine (the local loudness only draws the speaking outline).
  @Test
  void speakerViewFeaturesTheServersDominantSpeaker() {
    model.onJoined("Standup", List.of(participant("p1", "Ada", false), participant("p2", "Grace", false)));
    model.speakerViewProperty().set(true);
    model.onDominantSpeaker("p2");
    assertThat(model.featuredProperty().get().participantId()).isEqualTo("p2");

    model.onStats(List.of(stats("p1", 0.3, 500_000, 0, 30), stats("p2", 0.02, 500_000, 0, 30)));
    assertThat(model.featuredProperty().get().participantId()).as("local loudness does not move the stage")
        .isEqualTo("p2");
    assertThat(model.tiles().get(0).speakingProperty().get()).as("but still draws the outline").isTrue();
    model.onDominantSpeaker("p1");
    assertThat(model.featuredProperty().get().participantId()).isEqualTo("p1");
  }

  /// Decision 100: each remote tile's drawn height reaches the call (and so the server's layer choice) when it
  /// appears, disappears or changes by a quarter or more, not at every pixel.
  @Test
  void reportsTileHeightsForTheSimulcastLayerChoice() {
    model.onJoined("Standup", List.of(participant("p1", "Ada", false)));
    TileModel ada = model.tiles().getFirst();
    ada.shownSizeProperty().set(new TileSize(640, 360, true));
    ada.shownSizeProperty().set(new TileSize(650, 366, true));
    ada.shownSizeProperty().set(new TileSize(320, 180, true));
    ada.shownSizeProperty().set(new TileSize(320, 180, false));
    assertThat(requests).containsExactly("receive p1 camera 360", "receive p1 camera 180", "receive p1 camera 0");
  }

  @Test
  void sendsTheTrimmedChatDraftAndListsArrivingMessages() {
    model.chatDraftProperty().set("   ");
    model.sendChat();
    assertThat(requests).isEmpty();
    model.chatDraftProperty().set("  hello all  ");
    model.sendChat();
    assertThat(requests).containsExactly("chat hello all");
    assertThat(model.chatDraftProperty().get()).isEmpty();

    model.onChatMessage(new com.convene.model.signal.ChatEntry("m-1", "c-1", "p-1", "u-1", "Ada", "hello all",
        "2026-01-15T10:35:00Z"));
    assertThat(model.chatLines()).containsExactly("Ada: hello all");
  }

  @Test
  void createsOneTilePerParticipant() {
    model.onJoined("Standup", List.of(participant("p1", "Ada", false)));
    model.onParticipantJoined(participant("p2", "Grace", true));
    assertThat(model.tiles()).extracting(t -> t.displayNameProperty().get()).containsExactly("Ada", "Grace");
    assertThat(model.tiles().get(1).audioMutedProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).isEmpty();

    model.onParticipantUpdated(participant("p2", "Grace", false));
    assertThat(model.tiles().get(1).audioMutedProperty().get()).isFalse();

    model.onParticipantLeft("p1");
    assertThat(model.tiles()).extracting(TileModel::participantId).containsExactly("p2");
  }

  @Test
  void theRecordButtonStartsAndStopsWhatTheServerSays() {
    model.host().toggleRecording();
    model.onRecordingChanged(true);
    model.host().toggleRecording();
    assertThat(requests).containsExactly("record:true", "record:false");
  }

  @Test
  void showsTheRecordingIndicatorWhileTheMeetingIsRecorded() {
    model.onJoined("Standup", List.of());
    assertThat(model.recordingProperty().get()).isFalse();
    model.onRecordingChanged(true);
    assertThat(model.recordingProperty().get()).isTrue();
    model.onRecordingChanged(false);
    assertThat(model.recordingProperty().get()).isFalse();
  }

  @Test
  void saysWhenAlone() {
    model.onJoined("Standup", List.of());
    assertThat(model.statusProperty().get()).isNotBlank();
  }

  @Test
  void forwardsTogglesToTheCall() {
    model.setMicMuted(true);
    model.setCameraOff(true);
    model.startShare(new ScreenInfo("s0", "Screen 1", 0, 0, 1920, 1080));
    model.startShare(new ScreenInfo("s0", "Screen 1", 0, 0, 1920, 1080));
    model.stopShare();
    model.leave();
    assertThat(requests).containsExactly("audioMuted=true", "videoMuted=true", "share s0", "stop share", "leave");
    assertThat(model.micMutedProperty().get()).isTrue();
  }

  @Test
  void failedShareResetsToggleAndExplains() {
    model.startShare(new ScreenInfo("s0", "Screen 1", 0, 0, 1920, 1080));
    model.onScreenShareStopped();
    assertThat(model.sharingProperty().get()).isFalse();
    assertThat(model.errorProperty().get()).isNotBlank();
  }

  @Test
  void endsWithReasonOrJoinError() {
    model.onJoinFailed("No meeting has that code.");
    model.onEnded("join-failed");
    assertThat(closed).containsExactly("No meeting has that code.");
    CallViewModel other = new CallViewModel("x", true, closed::add);
    other.onEnded("meeting-ended");
    other.onEnded("something-new");
    assertThat(closed).hasSize(3).doesNotContain("call.ended.something-new");
  }

  @Test
  void warnsWithoutAudioDevices() {
    assertThat(new CallViewModel("x", false, closed::add).audioWarningProperty().get()).isNotBlank();
    assertThat(model.audioWarningProperty().get()).isEmpty();
  }

  @Test
  void passwordPromptKeepsTheScreenAndJoinsAgainWithTheEnteredPassword() {
    List<String> rejoins = new ArrayList<>();
    model.onPasswordSubmitted(rejoins::add);
    model.onPasswordNeeded(false);
    model.onEnded("join-failed");
    assertThat(closed).isEmpty();
    assertThat(model.passwordNeededProperty().get()).isTrue();
    assertThat(model.passwordMessageProperty().get()).isEqualTo(Messages.get("call.password.required"));

    model.submitPassword("blue-harbour");
    assertThat(rejoins).containsExactly("blue-harbour");
    assertThat(model.passwordNeededProperty().get()).isFalse();

    model.onPasswordNeeded(true);
    assertThat(model.passwordMessageProperty().get()).isEqualTo(Messages.get("call.password.wrong"));
  }

  @Test
  void showsWaitingForTheHostUntilAdmitted() {
    model.onWaitingForHost();
    assertThat(model.waitingForHostProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).isEqualTo(Messages.get("call.waitingForHost"));
    model.onJoined("Standup", List.of(participant("p1", "Ada", false)));
    assertThat(model.waitingForHostProperty().get()).isFalse();
  }

  @Test
  void deniedJoinerSeesTheReason() {
    model.onWaitingForHost();
    model.onJoinFailed("The host did not let you in.");
    model.onEnded("join-failed");
    assertThat(closed).containsExactly("The host did not let you in.");
  }

  @Test
  void hostSeesTheQueueAndUsesTheHostMenu() {
    model.onJoined("Standup", List.of(participant("p1", "Ada", false)));
    assertThat(model.moderatorProperty().get()).isFalse();
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "host", false, false, false, false));
    assertThat(model.moderatorProperty().get()).isTrue();

    WaitingParticipant bob = new WaitingParticipant("c-7", "u-7", "Bob");
    model.onWaitingRoomUpdated(List.of(bob));
    assertThat(model.waitingRoom()).containsExactly(bob);
    model.host().admit(bob);
    model.host().deny(bob);

    TileModel ada = model.tiles().getFirst();
    model.host().mute(ada);
    model.host().stopVideo(ada);
    model.host().remove(ada);
    model.host().makeHost(ada);
    model.host().muteAll();
    model.onRoomUpdated(new RoomUpdated(false, true, true));
    model.host().toggleLock();
    model.host().endForAll();
    assertThat(requests).containsExactly("admit c-7", "deny c-7", "stop MICROPHONE of p1", "stop CAMERA of p1",
        "remove p1", "make host p1", "mute all", "locked=true", "end");

    // after handing over, the former host loses the queue and the menu
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "participant", false, false, false, false));
    assertThat(model.moderatorProperty().get()).isFalse();
    assertThat(model.waitingRoom()).isEmpty();
  }

  @Test
  void anAdminIsModeratorWithoutTheHostRole() {
    model.setAdmin(true);
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "participant", false, false, false, false));
    assertThat(model.moderatorProperty().get()).isTrue();
  }

  @Test
  void mediaStoppedByTheServerUpdatesTogglesAndExplains() {
    model.onMediaStopped(MediaSource.MICROPHONE, "host");
    assertThat(model.micMutedProperty().get()).isTrue();
    assertThat(model.noticeProperty().get()).isEqualTo(Messages.get("call.stopped.microphone.host"));
    model.onMediaStopped(MediaSource.CAMERA, "host");
    assertThat(model.cameraOffProperty().get()).isTrue();
    model.startShare(new ScreenInfo("s0", "Screen 1", 0, 0, 1920, 1080));
    model.onMediaStopped(MediaSource.SCREEN, "host");
    assertThat(model.sharingProperty().get()).isFalse();
    model.onMediaStopped(MediaSource.MICROPHONE, "mute-on-entry");
    assertThat(model.noticeProperty().get()).isEqualTo(Messages.get("call.stopped.microphone.mute-on-entry"));
  }

  @Test
  void saysTheHostEndedTheMeeting() {
    model.onEnded("meeting-ended");
    assertThat(closed).containsExactly(Messages.get("call.ended.meeting-ended"));
  }

  private static ParticipantInfo participant(String id, String name, boolean muted) {
    return new ParticipantInfo(id, "u-" + id, name, "participant", muted, false, false, false);
  }

  @Test
  void ratesEachTilesConnectionAndHighlightsTheLoudestSpeaker() {
    model.onJoined("Standup", List.of(info("p1", "Ada", false), info("p2", "Bob", false)));
    model.onStats(List.of(
        stats("p1", 0.20, 900_000, 0.0, 30),
        stats("p2", 0.05, 900_000, 0.12, 30)));
    TileModel ada = model.tiles().get(0);
    TileModel bob = model.tiles().get(1);
    assertThat(ada.speakingProperty().get()).isTrue();
    assertThat(bob.speakingProperty().get()).isFalse();
    assertThat(ada.qualityProperty().get()).isEqualTo(ConnectionQuality.GOOD);
    assertThat(bob.qualityProperty().get()).isEqualTo(ConnectionQuality.POOR);
    assertThat(model.featuredProperty().get()).isSameAs(ada);

    model.onStats(List.of(stats("p1", 0.001, 900_000, 0.04, 30), stats("p2", 0.3, 900_000, 0, 30)));
    assertThat(bob.speakingProperty().get()).isTrue();
    assertThat(ada.qualityProperty().get()).isEqualTo(ConnectionQuality.FAIR);
    assertThat(model.featuredProperty().get()).isSameAs(bob);

    model.onStats(List.of(stats("p1", 0.001, 900_000, 0, 30), stats("p2", 0.001, 900_000, 0, 30)));
    assertThat(bob.speakingProperty().get()).isFalse();
    assertThat(model.featuredProperty().get()).as("the last speaker stays large").isSameAs(bob);
  }

  @Test
  void countsUnreadChatOnlyWhileThePanelIsClosed() {
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "participant", false, false, false, false));
    model.chat().openProperty().set(false);
    model.onChatMessage(new com.convene.model.signal.ChatEntry("m-1", "c-1", "p-1", "u-1", "Ada", "hi",
        "2026-01-15T10:35:00Z"));
    model.onChatMessage(new com.convene.model.signal.ChatEntry("m-2", "c-2", "me", "u-me", "Me", "hello",
        "2026-01-15T10:35:01Z"));
    assertThat(model.chat().unreadProperty().get()).isEqualTo(1);
    model.chat().openProperty().set(true);
    assertThat(model.chat().unreadProperty().get()).isZero();
    model.onChatMessage(new com.convene.model.signal.ChatEntry("m-3", "c-3", "p-1", "u-1", "Ada", "again",
        "2026-01-15T10:35:02Z"));
    assertThat(model.chat().unreadProperty().get()).isZero();
  }

  @Test
  void aScreenShareIsShownLargeInTheSpeakerView() {
    model.onJoined("Standup", List.of(info("p1", "Ada", false)));
    assertThat(model.speakerViewProperty().get()).isFalse();
    model.onRemoteVideo("p1", "screen-1", MediaSource.SCREEN, null);
    assertThat(model.speakerViewProperty().get()).isTrue();
    assertThat(model.featuredProperty().get().screen()).isTrue();
    model.onRemoteVideoEnded("p1", "screen-1");
    assertThat(model.featuredProperty().get().participantId()).isEqualTo("p1");
    assertThat(model.featuredProperty().get().screen()).isFalse();
  }

  @Test
  void handAndReactionsFollowTheRoom() {
    model.onJoined("Standup", List.of(info("p1", "Ada", false)));
    model.onParticipantUpdated(new ParticipantInfo("p1", "u-p1", "Ada", "participant", true, true, false, true));
    TileModel ada = model.tiles().getFirst();
    assertThat(ada.handRaisedProperty().get()).isTrue();
    assertThat(ada.videoMutedProperty().get()).isTrue();
    model.onReaction("p1", Reactions.EMOJI.getFirst());
    model.onReaction("p1", "not-an-emoji");
    assertThat(ada.reactionProperty().get().emoji()).isEqualTo(Reactions.EMOJI.getFirst());

    model.toggleHand();
    assertThat(model.handRaisedProperty().get()).isTrue();
    assertThat(requests).contains("hand=true");
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "participant", false, false, false, false));
    assertThat(model.handRaisedProperty().get()).as("the room's answer wins").isFalse();
  }

  @Test
  void opensTheParticipantsPanelWhenSomeoneWaits() {
    model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Me", "host", false, false, false, false));
    assertThat(model.participantsOpenProperty().get()).isFalse();
    model.onWaitingRoomUpdated(List.of(new WaitingParticipant("c-7", "u-7", "Bob")));
    assertThat(model.participantsOpenProperty().get()).isTrue();
  }

  private static ParticipantInfo info(String id, String name, boolean muted) {
    return new ParticipantInfo(id, "u-" + id, name, "participant", muted, false, false, false);
  }

  private static com.convene.desktop.call.ParticipantStats stats(String id, double rms, long bps, double loss,
      double fps) {
    return new com.convene.desktop.call.ParticipantStats(id, id, 100, fps, bps, rms, 500, 640, 360, -1, loss, 5);
  }

  @Test
  void anUnreachableServerDuringARejoinKeepsTheWindowOpenAndTheRejoinSaysSo() {
    int[] rejoins = {0};
    model.onRejoinNeeded(() -> rejoins[0]++);
    model.onEnded("resume-refused");
    assertThat(rejoins[0]).isEqualTo(1);
    model.onServerUnreachable("Could not reach the meeting server.");
    model.onEnded("join-failed");
    assertThat(closed).as("an unreachable server during a rejoin does not close the window").isEmpty();
    assertThat(model.reconnectingProperty().get()).isTrue();
    model.onJoined("Standup", List.of());
    assertThat(model.reconnectingProperty().get()).isFalse();
    assertThat(model.noticeProperty().get()).contains("joined the meeting again");

    model.onEnded("resume-refused");
    model.onJoinFailed("The meeting has ended.");
    model.onEnded("join-failed");
    assertThat(closed).as("a refusal by the server ends the rejoin").hasSize(1);
  }

  @Test
  void aCallLostToFailedMediaOrARefusedResumeJoinsAgainInTheSameWindowUpToTheLimit() {
    int[] rejoins = {0};
    model.onRejoinNeeded(() -> rejoins[0]++);
    model.onMediaUnreachable(true);
    model.onEnded("media-failed");
    assertThat(rejoins[0]).isEqualTo(1);
    assertThat(closed).isEmpty();
    assertThat(model.reconnectingProperty().get()).isTrue();
    assertThat(model.noticeProperty().get()).as("kept until media gets through").contains("cannot reach");
    model.onJoined("Standup", List.of());
    assertThat(model.noticeProperty().get()).as("kept until media gets through").contains("cannot reach");
    model.onMediaUnreachable(false);
    assertThat(model.reconnectingProperty().get()).isFalse();
    assertThat(model.noticeProperty().get()).as("then says the call was joined again").contains("joined the meeting again");

    model.onEnded("left");
    assertThat(closed).hasSize(1);
    for (int i = 1; i < CallViewModel.MAX_AUTOMATIC_REJOINS; i++) {
      model.onEnded("resume-refused");
    }
    assertThat(rejoins[0]).isEqualTo(CallViewModel.MAX_AUTOMATIC_REJOINS);
    model.onEnded("media-failed");
    assertThat(closed).as("a lost call never closes the window by itself").hasSize(1);
    assertThat(model.callLoss().lostProperty().get()).isTrue();
    assertThat(model.callLoss().retryingProperty().get()).isFalse();
    assertThat(model.callLoss().messageProperty().get()).contains("could not be restored");
    model.rejoinNow();
    assertThat(rejoins[0]).as("Join again starts over").isEqualTo(CallViewModel.MAX_AUTOMATIC_REJOINS + 1);
  }
}
