package com.convene.sfu.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// The transport-cc feedback the SFU writes to publishers, read back with an independent parser of the draft
/// (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
class TransportCcReceiverTest {
    private static final long START_NANOS = 5_000_000_000L;

    @Test
    void reportsEveryArrivalWithinOneDeltaUnit() {
        TransportCcReceiver receiver = new TransportCcReceiver(3);
        long[] arrivals = new long[40];
        Random random = new Random(1);
        long now = START_NANOS;
        for (int i = 0; i < arrivals.length; i++) {
            now += random.nextInt(3_000_000); // 0-3 ms apart
            arrivals[i] = now;
            receiver.onPacket(100 + i, now);
        }
        byte[] buffer = new byte[1500];
        int length = receiver.writeFeedback(buffer, 0, 0x53465531, 1234, now);

        TransportCcFeedbackParser.Feedback feedback = TransportCcFeedbackParser.parse(buffer, 0, length);
        assertThat(feedback.baseSequence()).isEqualTo(100);
        assertThat(feedback.statusCount()).isEqualTo(40);
        assertThat(feedback.arrivalMicros()).hasSize(40);
        long first = feedback.arrivalMicros().get(100);
        for (int i = 0; i < arrivals.length; i++) {
            long reported = feedback.arrivalMicros().get(100 + i) - first;
            long actual = (arrivals[i] - arrivals[0]) / 1_000;
            assertThat(reported).as("arrival of %d", 100 + i).isCloseTo(actual, within(250L));
        }
        assertThat(length % 4).isZero();
    }

    @Test
    void reportsLossesAsNotReceivedAndLargeOrNegativeDeltas() {
        TransportCcReceiver receiver = new TransportCcReceiver(3);
        receiver.onPacket(10, START_NANOS);
        // 11 and 12 lost; 14 arrives before 13 (reordered: negative delta); 15 after a 200 ms pause (large delta)
        receiver.onPacket(14, START_NANOS + 2_000_000);
        receiver.onPacket(13, START_NANOS + 1_000_000 - 500_000);
        receiver.onPacket(15, START_NANOS + 202_000_000);
        byte[] buffer = new byte[1500];
        int length = receiver.writeFeedback(buffer, 0, 1, 2, START_NANOS + 202_000_000);

        TransportCcFeedbackParser.Feedback feedback = TransportCcFeedbackParser.parse(buffer, 0, length);
        assertThat(feedback.statusCount()).isEqualTo(6);
        Map<Integer, Long> arrivals = feedback.arrivalMicros();
        assertThat(arrivals).containsOnlyKeys(10, 13, 14, 15);
        assertThat(arrivals.get(13) - arrivals.get(10)).isCloseTo(500L, within(250L));
        assertThat(arrivals.get(14) - arrivals.get(10)).isCloseTo(2_000L, within(250L));
        assertThat(arrivals.get(15) - arrivals.get(10)).isCloseTo(202_000L, within(250L));
    }

    @Test
    void continuesAfterTheLastReportedNumberAndAcrossTheSixteenBitWrap() {
        TransportCcReceiver receiver = new TransportCcReceiver(5);
        long now = START_NANOS;
        for (int i = 0; i < 10; i++) {
            receiver.onPacket((65_530 + i) & 0xFFFF, now += 1_000_000);
        }
        byte[] buffer = new byte[1500];
        TransportCcFeedbackParser.Feedback first =
                TransportCcFeedbackParser.parse(buffer, 0, receiver.writeFeedback(buffer, 0, 1, 2, now));
        assertThat(first.baseSequence()).isEqualTo(65_530);
        assertThat(first.statusCount()).isEqualTo(10);

        assertThat(receiver.feedbackDue(now + TransportCcReceiver.INTERVAL_NANOS)).isFalse(); // nothing new
        receiver.onPacket(4, now += 1_000_000);
        receiver.onPacket(3, now += 1_000_000); // late packet of a reported number: never reported twice
        assertThat(receiver.feedbackDue(now)).as("interval not over").isFalse();
        assertThat(receiver.feedbackDue(now + TransportCcReceiver.INTERVAL_NANOS)).isTrue();
        TransportCcFeedbackParser.Feedback second =
                TransportCcFeedbackParser.parse(buffer, 0, receiver.writeFeedback(buffer, 0, 1, 2, now));
        assertThat(second.baseSequence()).isEqualTo(4);
        assertThat(second.statusCount()).isEqualTo(1);
        assertThat(second.feedbackCount()).isEqualTo((first.feedbackCount() + 1) & 0xFF);
    }

    @Test
    void splitsLongRangesIntoSeveralMessages() {
        TransportCcReceiver receiver = new TransportCcReceiver(5);
        long now = START_NANOS;
        for (int i = 0; i < 1_000; i++) {
            receiver.onPacket(i, now += 100_000);
        }
        byte[] buffer = new byte[1500];
        int reported = 0;
        for (int message = 0; message < 3; message++) {
            int length = receiver.writeFeedback(buffer, 0, 1, 2, now);
            assertThat(length).isBetween(1, 1_200);
            TransportCcFeedbackParser.Feedback feedback = TransportCcFeedbackParser.parse(buffer, 0, length);
            assertThat(feedback.baseSequence()).isEqualTo(reported);
            reported += feedback.statusCount();
        }
        assertThat(reported).isEqualTo(1_000);
        assertThat(receiver.writeFeedback(buffer, 0, 1, 2, now)).isZero();
    }
}
