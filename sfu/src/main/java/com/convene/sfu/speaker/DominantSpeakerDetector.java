package com.convene.sfu.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Finds a room's dominant speaker from the audio levels its publishers put in their packets (RFC 6464: 0 is the
/// loudest, 127 silence, in −dBov), the way docs/media-quality.md "Dominant speaker" describes:
/// - every [#INTERVAL_NANOS] each participant's packets of the last [#WINDOW_NANOS] are scored: the share of packets
///   at or above [#SPEECH_LEVEL] (speech, not background) weighted by how loud they were;
/// - a participant speaks when at least [#MIN_SPEECH_SHARE] of its packets in the window were speech;
/// - the dominant speaker changes only when another speaker has scored higher than the current one for
///   [#HOLD_NANOS] in a row (so a cough or a short "yes" does not take the stage), or at once when the current one
///   has been silent for [#SILENCE_NANOS].
///
/// Confined to the thread that feeds it (the SFU's socket loop). Allocates only when a participant first speaks.
public final class DominantSpeakerDetector {
    /// How often speakers are compared, ns.
    public static final long INTERVAL_NANOS = 100_000_000L;
    /// The window of levels each comparison looks at, ns.
    public static final long WINDOW_NANOS = 800_000_000L;
    /// How long a challenger must lead before taking over, ns.
    public static final long HOLD_NANOS = 300_000_000L;
    /// How long the dominant speaker may be silent before any speaker takes over at once, ns.
    public static final long SILENCE_NANOS = 1_500_000_000L;
    /// Levels at or below this (−dBov, RFC 6464) count as speech: −50 dBov and louder.
    public static final int SPEECH_LEVEL = 50;
    /// Share of a window's packets that must be speech for a participant to be speaking.
    public static final double MIN_SPEECH_SHARE = 0.3;
    /// Level samples kept per participant: 0.8 s at one packet every 20 ms, with room to spare.
    private static final int SAMPLES = 64;

    /// Receives dominant-speaker changes.
    @FunctionalInterface
    public interface Listener {
        /// The room's dominant speaker is now `participantId`. Called on the feeding thread; must not block.
        void onDominantSpeaker(String participantId);
    }

    /// One participant's recent levels, in a ring.
    private static final class Speaker {
        final String participantId;
        final long[] times = new long[SAMPLES];
        final int[] levels = new int[SAMPLES];
        int next;
        long lastSpeechNanos = Long.MIN_VALUE;

        Speaker(String participantId) {
            this.participantId = participantId;
            java.util.Arrays.fill(times, Long.MIN_VALUE);
        }

        void add(int level, long nowNanos) {
            times[next] = nowNanos;
            levels[next] = level;
            next = (next + 1) % SAMPLES;
            if (level <= SPEECH_LEVEL) {
                lastSpeechNanos = nowNanos;
            }
        }

        /// The score over the window: 0 when not speaking, else the mean loudness of speech packets (127 − level)
        /// times the speech share.
        double score(long nowNanos) {
            int packets = 0;
            int speech = 0;
            double loudness = 0;
            for (int i = 0; i < SAMPLES; i++) {
                if (times[i] == Long.MIN_VALUE || nowNanos - times[i] > WINDOW_NANOS) {
                    continue;
                }
                packets++;
                if (levels[i] <= SPEECH_LEVEL) {
                    speech++;
                    loudness += 127 - levels[i];
                }
            }
            if (packets == 0 || speech < MIN_SPEECH_SHARE * packets) {
                return 0;
            }
            return (loudness / speech) * speech / packets;
        }
    }

    private final Listener listener;
    private final Map<String, Speaker> speakers = new HashMap<>();
    private final List<Speaker> order = new ArrayList<>();
    private @Nullable Speaker dominant;
    private @Nullable Speaker challenger;
    private long challengerSinceNanos;
    private long lastEvaluationNanos = Long.MIN_VALUE;
    private long changes;

    /// @param listener told of each change
    public DominantSpeakerDetector(Listener listener) {
        this.listener = listener;
    }

    /// Adds one audio level and, at most every [#INTERVAL_NANOS], re-evaluates the dominant speaker.
    ///
    /// @param participantId the publisher
    /// @param level         RFC 6464 level, 0–127 (−dBov)
    /// @param nowNanos      [System#nanoTime()] ns
    public void onLevel(String participantId, int level, long nowNanos) {
        Speaker speaker = speakers.get(participantId);
        if (speaker == null) {
            speaker = new Speaker(participantId);
            speakers.put(participantId, speaker);
            order.add(speaker);
        }
        speaker.add(level & 0x7F, nowNanos);
        if (lastEvaluationNanos == Long.MIN_VALUE || nowNanos - lastEvaluationNanos >= INTERVAL_NANOS) {
            lastEvaluationNanos = nowNanos;
            evaluate(nowNanos);
        }
    }

    /// Forgets a participant that left; if it was dominant, the next evaluation picks another.
    public void remove(String participantId) {
        Speaker speaker = speakers.remove(participantId);
        if (speaker != null) {
            order.remove(speaker);
            if (dominant == speaker) {
                dominant = null;
            }
            if (challenger == speaker) {
                challenger = null;
            }
        }
    }

    /// The dominant speaker, or null before anyone spoke.
    public @Nullable String dominantSpeaker() {
        Speaker current = dominant;
        return current == null ? null : current.participantId;
    }

    /// Changes announced so far.
    public long changes() {
        return changes;
    }

    private void evaluate(long nowNanos) {
        Speaker loudest = null;
        double best = 0;
        for (Speaker speaker : order) {
            double score = speaker.score(nowNanos);
            if (score > best) {
                best = score;
                loudest = speaker;
            }
        }
        if (loudest == null || loudest == dominant) {
            challenger = null;
            return;
        }
        Speaker current = dominant;
        boolean currentSilent = current == null || current.lastSpeechNanos == Long.MIN_VALUE
                || nowNanos - current.lastSpeechNanos >= SILENCE_NANOS;
        if (loudest != challenger) {
            challenger = loudest;
            challengerSinceNanos = nowNanos;
        }
        if (currentSilent || nowNanos - challengerSinceNanos >= HOLD_NANOS) {
            dominant = loudest;
            challenger = null;
            changes++;
            listener.onDominantSpeaker(loudest.participantId);
        }
    }
}
