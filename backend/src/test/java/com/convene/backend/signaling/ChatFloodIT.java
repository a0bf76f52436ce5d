package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.RaiseHand;
import com.convene.model.signal.ReactionReceived;
import com.convene.model.signal.SendReaction;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Issue 15 finding 6 (no chat rate limit, duplicate re-broadcast, `allowReactions` ignored), replayed over real
/// WebSockets against the real backend, PostgreSQL and Redis (docs/decisions/093-rate-limits.md): 300 chat
/// messages of 2 KB in 7 s store only what the chat bucket allows (10, then 1 per second) and every refused one
/// gets `RATE_LIMITED` with a retry time; 1,000 identical `chat-send` frames store one row and reach another
/// member once; reactions are refused in a meeting without them and limited elsewhere, and so are hands.
@MicronautTest(transactional = false)
class ChatFloodIT extends SignalingTestSupport {
  private static final Logger LOG = LoggerFactory.getLogger(ChatFloodIT.class);
  private static final String THUMBS_UP = "\uD83D\uDC4D";

  @Test
  void threeHundredTwoKilobyteMessagesInSevenSecondsStoreOnlyWhatTheBucketAllows() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient flooder = connect(hostToken);
        SignalingClient witness = connect(newMemberToken())) {
      join(flooder, meeting, "Flooder");
      join(witness, meeting, "Witness");
      String body = "x".repeat(2048);
      long start = System.nanoTime();
      for (int i = 0; i < 300; i++) {
        flooder.send(new ChatSend("m-" + i, body));
        Thread.sleep(23); // 300 in about 7 s
      }
      long seconds = (System.nanoTime() - start + 999_999_999L) / 1_000_000_000L;

      List<Signal> atFlooder = untilQuiet(flooder);
      long acks = atFlooder.stream().filter(ChatMessage.class::isInstance).count();
      List<SignalError> refused = atFlooder.stream().filter(SignalError.class::isInstance)
          .map(SignalError.class::cast).toList();
      long stored = count("SELECT count(*) FROM chat_messages WHERE meeting_id = ?", meeting.id());
      long delivered = untilQuiet(witness).stream().filter(ChatMessage.class::isInstance).count();

      LOG.info("Chat flood: 300 x 2 KB sent in {} s: stored={} acknowledged={} delivered={} refused={}", seconds,
          stored, acks, delivered, refused.size());
      assertThat(stored).isBetween(10L, 10L + seconds + 1);
      assertThat(acks).isEqualTo(stored);
      assertThat(delivered).isEqualTo(stored);
      assertThat(refused).hasSize(300 - (int) stored)
          .allMatch(e -> e.code() == ErrorCode.RATE_LIMITED && e.retryAfterMillis() != null
              && e.retryAfterMillis() > 0 && e.retryAfterMillis() <= 1_000);
    }
  }

  @Test
  void aThousandIdenticalChatSendFramesAreStoredOnceAndReachAnotherMemberOnce() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient flooder = connect(hostToken);
        SignalingClient witness = connect(newMemberToken())) {
      join(flooder, meeting, "Flooder");
      join(witness, meeting, "Witness");
      String frame = new SignalCodec().encode(new ChatSend("same-id", "Hello again and again"));
      for (int i = 0; i < 1000; i++) {
        flooder.sendRaw(frame);
      }

      List<Signal> atFlooder = untilQuiet(flooder);
      Set<String> ackedIds = atFlooder.stream().filter(ChatMessage.class::isInstance)
          .map(s -> ((ChatMessage) s).message().messageId()).collect(Collectors.toSet());
      long refused = atFlooder.stream()
          .filter(s -> s instanceof SignalError e && e.code() == ErrorCode.RATE_LIMITED).count();
      List<ChatMessage> delivered = untilQuiet(witness).stream().filter(ChatMessage.class::isInstance)
          .map(ChatMessage.class::cast).toList();

      LOG.info("Duplicate flood: 1,000 identical frames: acknowledgements={} distinct ids={} delivered={} refused={}",
          atFlooder.stream().filter(ChatMessage.class::isInstance).count(), ackedIds.size(), delivered.size(),
          refused);
      assertThat(count("SELECT count(*) FROM chat_messages WHERE meeting_id = ?", meeting.id())).isEqualTo(1);
      assertThat(ackedIds).hasSize(1);
      assertThat(delivered).hasSize(1);
      assertThat(delivered.getFirst().message().messageId()).isEqualTo(ackedIds.iterator().next());
      assertThat(refused).isGreaterThanOrEqualTo(1000 - 20);
    }
  }

  @Test
  void reactionsAreRefusedWhereTheMeetingTurnedThemOff() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false, "allowReactions", false));
    try (SignalingClient sender = connect(hostToken);
        SignalingClient witness = connect(newMemberToken())) {
      join(sender, meeting, "Sender");
      join(witness, meeting, "Witness");
      sender.send(new SendReaction("r1", THUMBS_UP));
      assertThat(sender.expect(SignalError.class).code()).isEqualTo(ErrorCode.REACTIONS_DISABLED);
      witness.expectNone(ReactionReceived.class, 1_000);
    }
  }

  @Test
  void reactionAndHandFloodsReachOthersOnlyAsFastAsTheirBuckets() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    try (SignalingClient flooder = connect(hostToken);
        SignalingClient witness = connect(newMemberToken())) {
      String flooderId = join(flooder, meeting, "Flooder").participantId();
      join(witness, meeting, "Witness");
      long start = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        flooder.send(new SendReaction("r" + i, THUMBS_UP));
      }
      for (int i = 0; i < 40; i++) {
        flooder.send(new RaiseHand("h" + i, i % 2 == 0));
      }
      long millis = (System.nanoTime() - start) / 1_000_000L;
      List<Signal> atFlooder = untilQuiet(flooder);
      List<Signal> atWitness = untilQuiet(witness);
      long reactions = atWitness.stream().filter(ReactionReceived.class::isInstance).count();
      long handChanges = atWitness.stream()
          .filter(m -> m instanceof ParticipantUpdated u && u.participant().participantId().equals(flooderId)).count();
      long refused = atFlooder.stream()
          .filter(s -> s instanceof SignalError e && e.code() == ErrorCode.RATE_LIMITED).count();

      LOG.info("Reaction/hand flood in {} ms: 200 reactions -> {} relayed, 40 hand changes -> {} relayed, {} refused",
          millis, reactions, handChanges, refused);
      assertThat(reactions).isBetween(10L, 10L + millis / 300 + 1);
      assertThat(handChanges).isBetween(4L, 4L + millis / 2_000 + 1);
      assertThat(refused).isEqualTo(200 - reactions + 40 - handChanges);
    }
  }

  /// Everything `c` receives until it has been quiet for 2 s.
  private static List<Signal> untilQuiet(SignalingClient c) throws InterruptedException {
    List<Signal> out = new ArrayList<>();
    Signal s;
    while ((s = c.poll(2_000)) != null) {
      out.add(s);
    }
    return out;
  }
}
