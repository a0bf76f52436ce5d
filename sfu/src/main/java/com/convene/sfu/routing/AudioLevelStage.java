package com.convene.sfu.routing;

import com.convene.sfu.rtp.HeaderExtensions;
import com.convene.sfu.speaker.DominantSpeakerDetector;

/// Stage: reads the audio level a publisher puts in each audio packet (RFC 6464 §3: one byte, V flag and the level
/// in −dBov) and feeds the room's [DominantSpeakerDetector]. Never drops. Loop only.
final class AudioLevelStage implements PacketStage {

    @Override
    public String name() {
        return "audio-level";
    }

    @Override
    public Verdict process(PacketContext packet) {
        TrackRoute route = packet.route();
        DominantSpeakerDetector speakers = route.speakers();
        int extensionId = packet.transport().audioLevelExtension();
        if (speakers == null || extensionId == 0 || route.isVideo()) {
            return Verdict.FORWARD;
        }
        byte[] clear = packet.clear.getBuffer();
        int at = HeaderExtensions.find(clear, packet.clear.getOffset(), packet.clear.getLength(), extensionId);
        if (at >= 0) {
            speakers.onLevel(route.track().participantId(), clear[at] & 0x7F, packet.arrivalNanos);
        }
        return Verdict.FORWARD;
    }
}
