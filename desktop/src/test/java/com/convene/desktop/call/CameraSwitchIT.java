package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// A call's camera is swapped mid-call without renegotiation (what [com.convene.desktop.app] does when a camera
/// is unplugged), through the real SFU with real webrtc-java media: on this machine without a camera the call
/// that asked for one starts with the camera off and says why, sends the test pattern once turned on, and
/// switching puts a fresh pattern (its frame counter starting again from 0) on the same sender while the other
/// side keeps decoding. A call that sends no camera refuses.
///
/// Run inside a private network namespace: `bash scripts/test.sh -pl desktop -Dtest=CameraSwitchIT`.
@Tag("media")
class CameraSwitchIT {

  @Test
  void swapsTheCameraTrackWhileTheOtherSideKeepsDecoding() throws Exception {
    try (SfuServer sfu = SfuServer.start(SfuConfig.loopback("127.0.0.2"));
        MediaEngine engineA = MediaEngine.create(AudioMode.HEADLESS);
        MediaEngine engineB = MediaEngine.create(AudioMode.HEADLESS)) {
      SfuSignalingBridge bridge = new SfuSignalingBridge(sfu);
      java.util.List<String> aliceStopped = new java.util.concurrent.CopyOnWriteArrayList<>();
      CallSession alice = CallSession.start(config("Alice", CallConfig.VideoChoice.CAMERA), engineA, bridge,
          new CallListener() {
            @Override
            public void onMediaStopped(com.convene.model.signal.MediaSource source, String reason) {
              aliceStopped.add(source + " " + reason);
            }
          });
      alice.joined().get(10, TimeUnit.SECONDS);
      // no camera here: Alice is told and starts with the camera off; she turns it on and the pattern stands in
      assertThat(aliceStopped).containsExactly("CAMERA no-camera");
      alice.setVideoMuted(false).get(10, TimeUnit.SECONDS);
      CallSession bob = CallSession.start(config("Bob", CallConfig.VideoChoice.PATTERN), engineB, bridge,
          new CallListener() {});
      bob.joined().get(10, TimeUnit.SECONDS);
      String aliceId = alice.participantId().orElseThrow();
      assertThat(alice.cameraId()).isEmpty(); // no camera here: the pattern stands in

      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> aliceAtBob(bob, aliceId).lastPatternCounter() > 90);
      long counterBefore = aliceAtBob(bob, aliceId).lastPatternCounter();

      assertThat(alice.switchCamera(null).get(10, TimeUnit.SECONDS)).isEqualTo(Optional.empty());

      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> {
            int counter = aliceAtBob(bob, aliceId).lastPatternCounter();
            return counter >= 0 && counter < counterBefore;
          });
      long framesAfterSwitch = aliceAtBob(bob, aliceId).framesDecoded();
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> aliceAtBob(bob, aliceId).framesDecoded() > framesAfterSwitch + 30);

      assertThatThrownBy(() -> bob.switchCamera(null).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(bob.leave().get(10, TimeUnit.SECONDS)).isEqualTo("left");
      assertThat(alice.leave().get(10, TimeUnit.SECONDS)).isEqualTo("left");
    }
  }

  private static ParticipantStats aliceAtBob(CallSession bob, String aliceId) {
    return bob.stats().stream().filter(s -> s.participantId().equals(aliceId)).findFirst()
        .orElse(new ParticipantStats(aliceId, "", 0, 0, -1, -1, -1, 0, 0, -1));
  }

  private static CallConfig config(String name, CallConfig.VideoChoice video) {
    return new CallConfig("switch-room", name, CallConfig.CLIENT_NAME, CallConfig.AudioChoice.TONE, 440, video, null,
        null, false, false);
  }
}
