package com.convene.sfu.routing;

import com.convene.sfu.DropReason;

/// Stage: drops the packets of a track whose participant is muted there (by a host or by its own mute), so a client
/// that ignores `media-stopped` and keeps sending reaches nobody, not even the recording (issue 15 finding 6).
/// It runs after the receive stage, so reception statistics, receiver reports and the retransmission cache stay
/// current and the stream resumes without a sequence gap when the track is allowed again. Loop only.
final class MutedStage implements PacketStage {

    @Override
    public String name() {
        return "muted";
    }

    @Override
    public Verdict process(PacketContext packet) {
        return packet.route().forwarding() ? Verdict.FORWARD : packet.drop(DropReason.TRACK_MUTED);
    }
}
