package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.media.RobotScreenCapture;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.model.api.MeetingView;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance c of issue 3: under Xvfb a real window shows a four-quadrant test card; one participant shares
/// that screen (AWT Robot capture into webrtc-java) through the real backend and SFU; the other participant's
/// decoded frames show the four colours in the right quadrants.
@Tag("media")
class ScreenShareIT {
  /// Largest accepted distance per RGB channel between the decoded sample and the card's colour, 0-255;
  /// VP8 at a low start bitrate and BT.601 YUV round-trips move flat colours by a few tens at most.
  private static final int TOLERANCE = 70;

  @Test
  void receiverSeesTheSharedTestCard() throws Exception {
    Assumptions.assumeFalse(
        GraphicsEnvironment.isHeadless(), "needs a display: scripts/test.sh runs the tests under xvfb-run");
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.admin();
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Screen share");

    try (TestCardWindow card = TestCardWindow.showFullScreen();
        Peer sharer = Peer.join(backend, host, meeting.joinCode(), "Sharer", CallConfig.VideoChoice.PATTERN, 0, new CallListener() {});
        Peer viewer = Peer.join(backend, rest.newMember("Viewer"), meeting.joinCode(), "Viewer", CallConfig.VideoChoice.NONE, 0, new CallListener() {})) {
      ScreenInfo screen = ScreenCaptureSource.screens().getFirst();
      ScreenCaptureSource capture = new RobotScreenCapture(screen);
      sharer.session().startScreenShare(capture).get(15, TimeUnit.SECONDS);

      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> viewer.remoteScreens.containsKey(sharer.participantId()));
      VideoTrack track = viewer.remoteScreens.get(sharer.participantId());
      AtomicReference<int[][]> lastSamples = new AtomicReference<>();
      VideoTrackSink sink = frame -> {
        try {
          sampleQuadrants(frame, lastSamples);
        } finally {
          frame.release(); // the sink owns the copy webrtc-java hands it
        }
      };
      track.addSink(sink);
      try {
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> matchesCard(lastSamples.get()));
      } finally {
        track.removeSink(sink);
      }
      int[][] rgb = lastSamples.get();
      System.out.printf("E2E screen share quadrant samples (RGB): TL=%s TR=%s BL=%s BR=%s%n",
          List.of(rgb[0][0], rgb[0][1], rgb[0][2]), List.of(rgb[1][0], rgb[1][1], rgb[1][2]),
          List.of(rgb[2][0], rgb[2][1], rgb[2][2]), List.of(rgb[3][0], rgb[3][1], rgb[3][2]));
      assertThat(matchesCard(rgb)).isTrue();
      sharer.session().stopScreenShare().get(15, TimeUnit.SECONDS);
    }
  }

  private static boolean matchesCard(int[][] samples) {
    if (samples == null) {
      return false;
    }
    for (int q = 0; q < 4; q++) {
      Color want = TestCardWindow.QUADRANTS[q];
      if (Math.abs(samples[q][0] - want.getRed()) > TOLERANCE
          || Math.abs(samples[q][1] - want.getGreen()) > TOLERANCE
          || Math.abs(samples[q][2] - want.getBlue()) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /// Converts the centre of each quadrant of a decoded frame to RGB (BT.601, limited range). Runs on a
  /// webrtc thread: it must never throw, or libwebrtc aborts the JVM.
  /// Samples the four quadrants' centres as RGB. `toI420()` of a decoded frame is the frame's own buffer (no new
  /// reference), so nothing is released here: the sink releases the frame.
  private static void sampleQuadrants(VideoFrame frame, AtomicReference<int[][]> out) {
    try {
      I420Buffer i420 = frame.buffer.toI420();
      int w = i420.getWidth();
      int h = i420.getHeight();
      int[][] points = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
      int[][] rgb = new int[4][];
      for (int q = 0; q < 4; q++) {
        int x = points[q][0];
        int y = points[q][1];
        int yy = i420.getDataY().get(y * i420.getStrideY() + x) & 0xFF;
        int u = i420.getDataU().get((y / 2) * i420.getStrideU() + x / 2) & 0xFF;
        int v = i420.getDataV().get((y / 2) * i420.getStrideV() + x / 2) & 0xFF;
        double c = 1.164 * (yy - 16);
        rgb[q] = new int[] {
          clamp(c + 1.596 * (v - 128)), clamp(c - 0.392 * (u - 128) - 0.813 * (v - 128)), clamp(c + 2.017 * (u - 128))
        };
      }
      out.set(rgb);
    } catch (Throwable t) {
      // keep the webrtc thread alive; the test times out with the last good sample instead
    }
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
