package com.convene.backend.recording;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Follows who is speaking in the composition from each participant's mixed-in audio energy.
///
/// Each participant's mean square level (of 16-bit samples, 0–2^30) is smoothed with a time constant of
/// [#SMOOTHING_MILLIS]; the speaker is the loudest smoothed level above [#SILENCE], and changes only when another
/// participant is [#SWITCH_RATIO] times louder, so crosstalk and short noises do not make the layout flicker.
/// Confined to the composing thread.
final class ActiveSpeaker {
    /// Smoothing time constant, ms.
    static final double SMOOTHING_MILLIS = 600;
    /// Mean square below which a participant counts as silent (about -50 dBFS).
    static final double SILENCE = 1e4;
    /// How much louder a challenger must be to take over.
    static final double SWITCH_RATIO = 1.5;

    private final double alpha;
    private final Map<String, Double> levels = new HashMap<>();
    private @Nullable String speaker;

    /// @param tickMillis length of one output frame in ms, more than 0
    ActiveSpeaker(double tickMillis) {
        this.alpha = 1 - Math.exp(-tickMillis / SMOOTHING_MILLIS);
    }

    /// Adds one frame's energy per participant (participants absent from `meanSquares` count as silent) and
    /// returns the speaker after it, or null while everyone is silent.
    @Nullable String update(Map<String, Double> meanSquares) {
        for (Map.Entry<String, Double> e : meanSquares.entrySet()) {
            levels.putIfAbsent(e.getKey(), 0.0);
        }
        String loudest = null;
        double loudestLevel = SILENCE;
        for (Map.Entry<String, Double> e : levels.entrySet()) {
            double level = e.getValue() + alpha * (meanSquares.getOrDefault(e.getKey(), 0.0) - e.getValue());
            e.setValue(level);
            if (level > loudestLevel) {
                loudestLevel = level;
                loudest = e.getKey();
            }
        }
        double current = speaker == null ? 0 : levels.getOrDefault(speaker, 0.0);
        if (current <= SILENCE) {
            speaker = loudest;
        } else if (loudest != null && !loudest.equals(speaker) && loudestLevel > current * SWITCH_RATIO) {
            speaker = loudest;
        }
        return speaker;
    }
}
