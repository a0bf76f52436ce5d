package com.convene.sfu.routing;

/// Stage: offers the clear packet to the track's recording tap, if one is attached (decision 050); the tap copies
/// it into its own pooled buffer and never blocks. A simulcast track is recorded through its own [DownTrack]: the
/// best running layer, switched at key frames (asked for with a PLI) and rewritten into one stream, as a subscriber
/// that shows the track large would get it (decision 100). Never drops. Loop only.
final class TapStage implements PacketStage {
    private final KeyFrameRequester keyFrames;
    /// Scratch copy of a simulcast packet rewritten for the recording.
    private final byte[] rewritten = new byte[com.convene.sfu.srtp.PacketBuffer.CAPACITY];

    TapStage(KeyFrameRequester keyFrames) {
        this.keyFrames = keyFrames;
    }

    @Override
    public String name() {
        return "recording-tap";
    }

    @Override
    public Verdict process(PacketContext packet) {
        TrackRoute route = packet.route();
        RtpTap tap = route.tap();
        if (tap == null) {
            return Verdict.FORWARD;
        }
        byte[] clear = packet.clear.getBuffer();
        int offset = packet.clear.getOffset();
        int length = packet.clear.getLength();
        DownTrack recording = route.tapDownTrack();
        if (recording == null) {
            tap.offerRtp(route, clear, offset, length, packet.arrivalNanos);
            return Verdict.FORWARD;
        }
        int layer = packet.layer().index();
        boolean record = recording.accept(layer, clear, offset, length, packet.arrivalNanos);
        if (recording.wantsKeyFrame()) {
            keyFrames.request(route, recording.targetLayer(), packet.arrivalNanos, recording.urgent());
        }
        if (record && length <= rewritten.length) {
            System.arraycopy(clear, offset, rewritten, 0, length);
            recording.rewrite(rewritten, 0, length, layer, packet.arrivalNanos);
            tap.offerRtp(route, rewritten, 0, length, packet.arrivalNanos);
        }
        return Verdict.FORWARD;
    }
}
