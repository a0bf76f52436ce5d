package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Runs [PacketStage]s in order on one packet until one consumes or drops it, and counts each drop twice: for the
/// stage that dropped it and for the whole media path (STYLE.md §4). Loop only; allocation-free per packet.
final class StageChain {
    private final String name;
    private final PacketStage[] stages;
    private final DropCounters[] stageDrops;
    private final DropCounters pathDrops;

    /// Creates a chain.
    ///
    /// @param name      the chain's name in statistics, e.g. `rtp`
    /// @param pathDrops the media path's totals, shared by every chain
    /// @param stages    in the order they run; at least one
    StageChain(String name, DropCounters pathDrops, List<PacketStage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a chain needs a stage");
        }
        this.name = name;
        this.pathDrops = pathDrops;
        this.stages = stages.toArray(PacketStage[]::new);
        this.stageDrops = new DropCounters[this.stages.length];
        for (int i = 0; i < stageDrops.length; i++) {
            stageDrops[i] = new DropCounters();
        }
    }

    /// Runs the packet through the stages.
    ///
    /// @return the last verdict: [Verdict#FORWARD] when every stage passed it on
    Verdict run(PacketContext packet) {
        for (int i = 0; i < stages.length; i++) {
            Verdict verdict = stages[i].process(packet);
            if (verdict == Verdict.FORWARD) {
                continue;
            }
            if (verdict == Verdict.DROP) {
                DropReason reason = packet.dropReason;
                if (reason == null) {
                    reason = DropReason.UNKNOWN_PROTOCOL; // a stage forgot its reason: still counted, never lost
                }
                stageDrops[i].count(reason);
                pathDrops.count(reason);
            }
            return verdict;
        }
        return Verdict.FORWARD;
    }

    /// Each stage's drops by reason, keyed `chain/stage`, for statistics. Thread-safe.
    void snapshot(Map<String, Map<DropReason, Long>> into) {
        for (int i = 0; i < stages.length; i++) {
            Map<DropReason, Long> counts = stageDrops[i].nonZero();
            if (!counts.isEmpty()) {
                into.put(name + "/" + stages[i].name(), counts);
            }
        }
    }

    /// Each stage's drops of this chain, keyed `chain/stage`.
    Map<String, Map<DropReason, Long>> snapshot() {
        Map<String, Map<DropReason, Long>> result = new LinkedHashMap<>();
        snapshot(result);
        return result;
    }
}
