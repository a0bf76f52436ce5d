package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.media.TestPattern;
import com.convene.model.signal.MediaSource;
import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuServer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Two [CallSession]s meet through the real SFU (UDP on 127.0.0.2) with real webrtc-java media: pattern and tone
/// both ways, a screen share added and removed by renegotiation, and a leave.
///
/// Run inside a private network namespace (libwebrtc ignores `lo`):
/// `mvn -o -pl desktop test -Ddesktop.excludedGroups=none -Dtest=SfuCallSessionIT`.
@Tag("media")
class SfuCallSessionIT {
  private static final Logger LOG = LoggerFactory.getLogger(SfuCallSessionIT.class);

  @Test
  void twoSessionsExchangeVideoAudioAndScreenThroughTheSfu() throws Exception {
    try (SfuServer sfu = SfuServer.start(SfuConfig.loopback("127.0.0.2"));
        MediaEngine engineA = MediaEngine.create(AudioMode.HEADLESS);
        MediaEngine engineB = MediaEngine.create(AudioMode.HEADLESS)) {
      SfuSignalingBridge bridge = new SfuSignalingBridge(sfu);
      RecordingListener listenerA = new RecordingListener();
      RecordingListener listenerB = new RecordingListener();
      CallSession a = CallSession.start(config("Alice", 440), engineA, bridge, listenerA);
      a.joined().get(10, TimeUnit.SECONDS);
      CallSession b = CallSession.start(config("Bob", 880), engineB, bridge, listenerB);
      b.joined().get(10, TimeUnit.SECONDS);
      String aliceId = a.participantId().orElseThrow();
      String bobId = b.participantId().orElseThrow();

      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        assertReceiving(a, bobId);
        assertReceiving(b, aliceId);
      });
      LOG.info("Alice sees {}", a.stats());
      LOG.info("Bob sees {}", b.stats());
      ParticipantStats bobAtAlice = a.stats().getFirst();
      assertThat(bobAtAlice.displayName()).isEqualTo("Bob");
      assertThat(bobAtAlice.joinToFirstFrameMillis()).isPositive();

      b.startScreenShare(new PatternScreen()).get(5, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(15))
          .until(() -> listenerA.videoSources.containsValue(MediaSource.SCREEN));
      b.stopScreenShare().get(5, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !listenerA.endedTracks.isEmpty());

      long framesBefore = a.stats().getFirst().framesDecoded();
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> a.stats().getFirst().framesDecoded() > framesBefore + 30);

      assertThat(b.leave().get(10, TimeUnit.SECONDS)).isEqualTo("left");
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listenerA.left.contains(bobId));
      assertThat(a.leave().get(10, TimeUnit.SECONDS)).isEqualTo("left");
    }
  }

  private static void assertReceiving(CallSession session, String fromId) {
    List<ParticipantStats> stats = session.stats();
    assertThat(stats).extracting(ParticipantStats::participantId).contains(fromId);
    ParticipantStats s = stats.stream().filter(p -> p.participantId().equals(fromId)).findFirst().orElseThrow();
    assertThat(s.framesDecoded()).isGreaterThan(30);
    assertThat(s.audioRms()).isGreaterThan(0.05);
    assertThat(s.lastPatternCounter()).isPositive();
    assertThat(s.bitrateBps()).isPositive();
  }

  private static CallConfig config(String name, double toneHz) {
    return new CallConfig("bridge-room", name, CallConfig.CLIENT_NAME, CallConfig.AudioChoice.TONE, toneHz,
        CallConfig.VideoChoice.PATTERN, null, null, false, false);
  }

  /// Records the events the UI would act on.
  private static final class RecordingListener implements CallListener {
    final Map<String, MediaSource> videoSources = new ConcurrentHashMap<>();
    final List<String> endedTracks = new CopyOnWriteArrayList<>();
    final List<String> left = new CopyOnWriteArrayList<>();

    @Override
    public void onRemoteVideoTrack(String participantId, String trackId, MediaSource source, VideoTrack track) {
      videoSources.put(trackId, source);
    }

    @Override
    public void onRemoteTrackEnded(String participantId, String trackId) {
      endedTracks.add(trackId);
    }

    @Override
    public void onParticipantLeft(String participantId) {
      left.add(participantId);
    }
  }

  /// A "screen" that shows the test pattern, so the share path runs without a display.
  private static final class PatternScreen implements ScreenCaptureSource {
    private final TestPattern pattern = new TestPattern(640, 360);
    private long frame;

    @Override
    public ScreenInfo screen() {
      return new ScreenInfo("pattern", "Pattern", 0, 0, 640, 360);
    }

    @Override
    public VideoFrameBuffer capture() {
      return pattern.paint(frame++);
    }

    @Override
    public void close() {}
  }
}
