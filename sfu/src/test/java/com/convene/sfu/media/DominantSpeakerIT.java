package com.convene.sfu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Issue 13 item 4: the SFU finds the dominant speaker from the RFC 6464 audio levels real libwebrtc publishers put
/// in their packets and tells every participant, within 1 s of a new speaker starting (three peers taking turns:
/// one speaks a tone, the others send silence).
@Tag("media")
class DominantSpeakerIT {
    private static final Logger LOG = LoggerFactory.getLogger(DominantSpeakerIT.class);
    private static final String SFU_ADDRESS = "127.0.0.2";

    @Test
    void everyoneLearnsTheNewSpeakerWithinOneSecond() throws Exception {
        TestFactories.assumeMediaNamespace(SFU_ADDRESS);
        SfuConfig config = new SfuConfig(SFU_ADDRESS, 0, List.of(SFU_ADDRESS), Duration.ofMillis(500));
        try (TestFactories factories = new TestFactories(); SfuServer server = SfuServer.start(config)) {
            SfuRoom room = server.room("speaker-room");
            List<TestPeer> peers = factories.peers("alice", "bob", "cy");
            try {
                peers.forEach(peer -> peer.silent(true));
                TestFactories.joinAll(room, peers);
                peers.forEach(TestPeer::startAudio);
                Thread.sleep(1_000); // silence first: nobody is dominant
                assertThat(room.dominantSpeaker()).isNull();
                List<Long> delays = new ArrayList<>();
                String[] turns = {"bob", "alice", "cy", "bob"};
                for (String speaker : turns) {
                    peers.forEach(peer -> peer.silent(!peer.name().equals(speaker)));
                    long start = System.nanoTime();
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                            peers.stream().allMatch(peer -> !peer.dominantSpeakers().isEmpty()
                                    && peer.dominantSpeakers().getLast().equals(speaker)));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    delays.add(millis);
                    LOG.info("SPEAKER {} announced to all in {} ms", speaker, millis);
                    Thread.sleep(1_500); // the speaker keeps talking
                }
                assertThat(delays).as("ms from a new speaker starting until every peer knew")
                        .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(1_000L));
                assertThat(peers.getFirst().dominantSpeakers()).as("no flapping in between").hasSize(turns.length);
            } finally {
                for (TestPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }
}
