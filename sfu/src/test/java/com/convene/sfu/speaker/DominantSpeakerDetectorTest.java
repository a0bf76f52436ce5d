package com.convene.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Dominant-speaker detection from RFC 6464 levels, fed as a real publisher would: one level every 20 ms per
/// participant.
class DominantSpeakerDetectorTest {
    private static final long PACKET_NANOS = 20_000_000L;
    private static final int SPEECH = 30; // −30 dBov
    private static final int SILENCE = 127;
    private static final int BACKGROUND = 70; // −70 dBov: a fan, not speech

    private final List<String> changes = new ArrayList<>();
    private final List<Long> changeTimes = new ArrayList<>();
    private long now = 1_000_000_000L;
    private final DominantSpeakerDetector detector = new DominantSpeakerDetector(id -> {
        changes.add(id);
        changeTimes.add(now);
    });

    /// Feeds `millis` of packets; `levels[i]` is participant i's level.
    private void feed(long millis, String[] participants, int... levels) {
        for (long t = 0; t < millis * 1_000_000L; t += PACKET_NANOS) {
            now += PACKET_NANOS;
            for (int i = 0; i < participants.length; i++) {
                detector.onLevel(participants[i], levels[i], now);
            }
        }
    }

    @Test
    void followsAConversationWithinOneSecondOfEachTurn() {
        String[] room = {"ada", "bob", "cy", "dee", "eve", "fay"};
        int[] levels = new int[room.length];
        java.util.Arrays.fill(levels, SILENCE);
        feed(500, room, levels);
        assertThat(detector.dominantSpeaker()).isNull();
        List<Long> delays = new ArrayList<>();
        for (int turn = 0; turn < 12; turn++) {
            int speaker = turn % room.length;
            java.util.Arrays.fill(levels, BACKGROUND);
            levels[speaker] = SPEECH;
            long start = now;
            int before = changes.size();
            feed(5_000, room, levels);
            assertThat(changes).as("turn %d", turn).hasSize(before + 1);
            assertThat(changes.getLast()).isEqualTo(room[speaker]);
            delays.add((changeTimes.getLast() - start) / 1_000_000L);
        }
        assertThat(delays).as("ms from the start of each turn to the change").allSatisfy(ms ->
                assertThat(ms).isLessThanOrEqualTo(1_000L));
    }

    @Test
    void ignoresBurstsShorterThanThreeHundredMilliseconds() {
        String[] room = {"ada", "bob"};
        feed(2_000, room, SPEECH, SILENCE);
        assertThat(detector.dominantSpeaker()).isEqualTo("ada");
        for (int i = 0; i < 5; i++) {
            feed(200, room, SILENCE, SPEECH); // bob coughs while ada pauses
            feed(800, room, SPEECH, SILENCE);
        }
        assertThat(changes).containsExactly("ada");
    }

    @Test
    void aNewSpeakerTakesOverAtOnceWhenTheDominantOneHasBeenSilent() {
        String[] room = {"ada", "bob"};
        feed(1_000, room, SPEECH, SILENCE);
        feed(2_000, room, SILENCE, SILENCE);
        long start = now;
        feed(1_000, room, SILENCE, SPEECH);
        assertThat(changes).containsExactly("ada", "bob");
        assertThat((changeTimes.getLast() - start) / 1_000_000L).isLessThan(400L);
    }

    @Test
    void forgetsAParticipantWhoLeft() {
        String[] room = {"ada", "bob"};
        feed(1_000, room, SPEECH, SILENCE);
        detector.remove("ada");
        assertThat(detector.dominantSpeaker()).isNull();
        feed(1_000, new String[] {"bob"}, SPEECH);
        assertThat(detector.dominantSpeaker()).isEqualTo("bob");
    }
}
