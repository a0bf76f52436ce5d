package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.signal.ParticipantInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallViewModelTest {
  private final List<String> closed = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();
  private final CallViewModel model = new CallViewModel("Standup", true, closed::add);

  CallViewModelTest() {
    model.attach(new CallControls() {
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
      public void leave() {
        requests.add("leave");
      }
    });
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

  private static ParticipantInfo participant(String id, String name, boolean muted) {
    return new ParticipantInfo(id, "u-" + id, name, "participant", muted, false, false, false);
  }
}
