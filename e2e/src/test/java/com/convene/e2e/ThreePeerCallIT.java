package com.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.meeting.ParticipantService;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.ParticipantStats;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Hello;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalError;
import com.convene.sfu.DropReason;
import com.convene.sfu.SfuStats;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Acceptance b, e and f of issue 3: three webrtc-java peers join one meeting through the real backend and its
/// SFU; each decodes video and hears the two others; hostile datagrams and malformed signaling frames during the
/// call are dropped, counted or answered with typed errors while media keeps flowing; a leaver is announced and
/// its `meeting_participants` row gets `left_at`.
@Tag("media")
class ThreePeerCallIT {
  private static final long MIN_FRAMES = 60;
  private static final double MIN_AUDIO_RMS = 0.01;

  @Test
  void threePeersSeeAndHearEachOtherThroughTheSfu() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.admin();
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Three-peer call");

    List<Peer> peers = new ArrayList<>();
    try {
      long start = System.nanoTime();
      peers.add(Peer.join(backend, host, meeting.joinCode(), "Ada", CallConfig.VideoChoice.PATTERN, 440, new CallListener() {}));
      peers.add(Peer.join(backend, rest.newMember("Bo"), meeting.joinCode(), "Bo", CallConfig.VideoChoice.PATTERN, 660, new CallListener() {}));
      peers.add(Peer.join(backend, rest.newMember("Cy"), meeting.id().toString(), "Cy", CallConfig.VideoChoice.PATTERN, 880, new CallListener() {}));

      // b: within 15 s each decodes >= 60 frames and hears non-silent audio from both others
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> everyoneSeesAndHearsEveryone(peers));
      System.out.printf("E2E all three peers saw and heard each other %d ms after the first join%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      // e: time from join to first decoded remote frame, per peer and remote (printed, not asserted)
      for (Peer p : peers) {
        for (ParticipantStats s : p.stats()) {
          System.out.printf(
              "E2E join-to-first-frame %s <- %s: %d ms (frames=%d, %dx%d, audioRms=%.3f)%n",
              p.name(), s.displayName(), s.joinToFirstFrameMillis(), s.framesDecoded(), s.frameWidth(),
              s.frameHeight(), s.audioRms());
        }
      }

      // f: hostile traffic during the call
      SfuStats before = backend.sfu().stats();
      sendHostileDatagrams(backend.sfu().port());
      assertMalformedSignalingGetsTypedErrors(backend, host.token());
      Map<String, Long> framesBefore = frameCounts(peers);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> frameCounts(peers).entrySet().stream()
              .allMatch(e -> e.getValue() >= framesBefore.get(e.getKey()) + 30));
      SfuStats after = backend.sfu().stats();
      assertThat(after.totalDropped() - before.totalDropped()).isGreaterThanOrEqualTo(HOSTILE_PACKETS);
      assertThat(after.dropped(DropReason.MALFORMED_STUN) + after.dropped(DropReason.UNKNOWN_SOURCE)
          + after.dropped(DropReason.UNKNOWN_PROTOCOL))
          .isGreaterThan(before.dropped(DropReason.MALFORMED_STUN) + before.dropped(DropReason.UNKNOWN_SOURCE)
              + before.dropped(DropReason.UNKNOWN_PROTOCOL));
      System.out.printf("E2E SFU drops after hostile traffic: %s%n", after.drops());

      // b: when one leaves, the others are told, its tracks end, and its row has joined_at and left_at
      Peer leaver = peers.remove(2);
      String leaverId = leaver.participantId();
      leaver.session().leave().get(10, TimeUnit.SECONDS);
      leaver.close();
      for (Peer p : peers) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> p.leftParticipants.contains(leaverId));
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> p.endedTracks.stream().filter(t -> t.startsWith(leaverId + "/")).count() == 2);
      }
      // left_at reaches PostgreSQL through the outbox (decision 089): within milliseconds, not before the others hear
      var row = Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> backend.context().getBean(ParticipantService.class).find(UUID.fromString(leaverId))
              .orElseThrow(), r -> r.leftAt() != null);
      assertThat(row.joinedAt()).isNotNull();
      assertThat(row.leftAt()).isNotNull().isAfterOrEqualTo(row.joinedAt());
    } finally {
      peers.forEach(Peer::close);
    }
  }

  private static boolean everyoneSeesAndHearsEveryone(List<Peer> peers) {
    for (Peer p : peers) {
      for (Peer other : peers) {
        if (p == other) {
          continue;
        }
        var s = p.statsOf(other);
        if (s.isEmpty() || s.get().framesDecoded() < MIN_FRAMES || s.get().audioRms() < MIN_AUDIO_RMS) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<String, Long> frameCounts(List<Peer> peers) {
    Map<String, Long> counts = new HashMap<>();
    for (Peer p : peers) {
      for (ParticipantStats s : p.stats()) {
        counts.put(p.name() + "<-" + s.participantId(), s.framesDecoded());
      }
    }
    return counts;
  }

  private static final int HOSTILE_PACKETS = 200 + 5 * 20;

  /// Random datagrams, then truncated STUN, DTLS, RTP, RTCP and a STUN binding request with a bad
  /// MESSAGE-INTEGRITY, all from an address that never passed an ICE check (RFC 7983 first-byte classes).
  private static void sendHostileDatagrams(int sfuPort) throws Exception {
    InetSocketAddress sfu = new InetSocketAddress(InetAddress.getByName(E2eBackend.ADDRESS), sfuPort);
    Random random = new Random(42);
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0))) {
      for (int i = 0; i < 200; i++) {
        byte[] junk = new byte[1 + random.nextInt(1200)];
        random.nextBytes(junk);
        socket.send(new DatagramPacket(junk, junk.length, sfu));
      }
      byte[][] truncated = {
        {0x00, 0x01, 0x00, 0x08, 0x21, 0x12}, // STUN header cut short
        {0x16, (byte) 0xfe, (byte) 0xfd, 0x00}, // DTLS record header cut short
        {(byte) 0x80, 0x60, 0x00}, // RTP header cut short
        {(byte) 0x80, (byte) 0xc8, 0x00, 0x06}, // RTCP sender report cut short
        stunBindingWithBadIntegrity(random),
      };
      for (int round = 0; round < 20; round++) {
        for (byte[] packet : truncated) {
          socket.send(new DatagramPacket(packet, packet.length, sfu));
        }
      }
    }
  }

  private static byte[] stunBindingWithBadIntegrity(Random random) {
    ByteBuffer b = ByteBuffer.allocate(20 + 4 + 12 + 4 + 20);
    b.putShort((short) 0x0001).putShort((short) (4 + 12 + 4 + 20)).putInt(0x2112A442);
    byte[] txId = new byte[12];
    random.nextBytes(txId);
    b.put(txId);
    b.putShort((short) 0x0006).putShort((short) 9).put("nope:nope".getBytes()).put(new byte[3]); // USERNAME
    byte[] hmac = new byte[20];
    random.nextBytes(hmac);
    b.putShort((short) 0x0008).putShort((short) 20).put(hmac); // MESSAGE-INTEGRITY (wrong)
    return b.array();
  }

  private static void assertMalformedSignalingGetsTypedErrors(E2eBackend backend, String token) throws Exception {
    SignalCodec codec = new SignalCodec();
    LinkedBlockingQueue<Signal> received = new LinkedBlockingQueue<>();
    URI ws = URI.create("ws://" + E2eBackend.ADDRESS + ":" + backend.baseUri().getPort() + "/ws/signaling");
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      try {
                        received.add(codec.decode(text.toString()));
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                      text.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);
    try {
      for (String frame : List.of("{oops", "[]", "{\"type\":\"nope\"}", "\u0000\u0001", "{\"type\":\"join\"}")) {
        socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
        Signal reply = received.poll(5, TimeUnit.SECONDS);
        assertThat(reply).isInstanceOfSatisfying(
            SignalError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE));
      }
      socket.sendText(codec.encode(new Hello(Hello.PROTOCOL_VERSION, "e2e-hostile")), true).get(5, TimeUnit.SECONDS);
      assertThat(received.poll(5, TimeUnit.SECONDS)).isInstanceOf(com.convene.model.signal.Welcome.class);
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
