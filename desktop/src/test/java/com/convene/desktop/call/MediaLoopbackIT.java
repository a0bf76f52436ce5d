package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.LocalTrack;
import com.convene.desktop.media.MediaEngine;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStream;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Real media between two in-process peer connections: test pattern and tone out, [RemoteMeter] in.
///
/// libwebrtc gathers no host candidates on `lo`, so run inside a private network namespace with an extra
/// address (see README of this module): `mvn -o -pl desktop test -Dgroups=media -Dtest=MediaLoopbackIT`.
@Tag("media")
class MediaLoopbackIT {

  @Test
  void deliversPatternFramesAndToneBetweenTwoPeers() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (MediaEngine engine = MediaEngine.create(AudioMode.HEADLESS)) {
      RemoteMeter meter = new RemoteMeter("sender", System.nanoTime());
      RTCConfiguration configuration = new RTCConfiguration();
      RTCPeerConnection sender = engine.publishFactory().createPeerConnection(configuration, new PeerObserver("a"));
      RTCPeerConnection receiver = engine.factory().createPeerConnection(configuration, new PeerObserver("b") {
        @Override
        public void onAddTrack(RTCRtpReceiver rtpReceiver, MediaStream[] streams) {
          if (rtpReceiver.getTrack() instanceof VideoTrack video) {
            video.addSink(meter.videoSink);
          } else if (rtpReceiver.getTrack() instanceof AudioTrack audio) {
            audio.addSink(meter.audioSink);
          }
        }
      });
      LocalTrack tone = engine.createToneTrack(440);
      LocalTrack pattern = engine.createTestPatternTrack(640, 360, 30);
      List<dev.onvoid.webrtc.RTCRtpSender> senders = new java.util.ArrayList<>();
      for (LocalTrack track : List.of(tone, pattern)) {
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of("sender");
        senders.add(sender.addTransceiver(track.track(), init).getSender());
      }

      RTCSessionDescription offer = PeerConnectionOps.createOffer(sender).get(5, TimeUnit.SECONDS);
      PeerConnectionOps.setLocal(sender, offer).get(5, TimeUnit.SECONDS);
      PeerConnectionOps.awaitGathering(sender, timer).get(10, TimeUnit.SECONDS);
      String offerSdp = sender.getLocalDescription().sdp;
      assertThat(offerSdp).contains("a=candidate");
      PeerConnectionOps.setRemote(receiver, new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
          .get(5, TimeUnit.SECONDS);
      RTCSessionDescription answer = PeerConnectionOps.createAnswer(receiver).get(5, TimeUnit.SECONDS);
      PeerConnectionOps.setLocal(receiver, answer).get(5, TimeUnit.SECONDS);
      PeerConnectionOps.awaitGathering(receiver, timer).get(10, TimeUnit.SECONDS);
      PeerConnectionOps.setRemote(sender,
          new RTCSessionDescription(RTCSdpType.ANSWER, receiver.getLocalDescription().sdp)).get(5, TimeUnit.SECONDS);

      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        ParticipantStats stats = meter.snapshot("sender");
        assertThat(stats.framesDecoded()).isGreaterThan(60);
        assertThat(stats.audioRms()).isGreaterThan(0.05);
      });
      ParticipantStats stats = meter.snapshot("sender");
      org.slf4j.LoggerFactory.getLogger(MediaLoopbackIT.class).info("loopback: {}", stats);
      assertThat(stats.lastPatternCounter()).isPositive();
      assertThat(stats.frameWidth()).isPositive();
      assertThat(stats.joinToFirstFrameMillis()).isPositive();

      senders.forEach(sender::removeTrack);
      sender.close();
      receiver.close();
      tone.close();
      pattern.close();
    } finally {
      timer.shutdownNow();
    }
  }
}
