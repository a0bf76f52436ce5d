package com.convene.sfu.routing;

/// Stage: offers the clear packet to the track's recording tap, if one is attached (decision 050); the tap copies
/// it into its own pooled buffer and never blocks. Of a simulcast track only the top layer is recorded
/// (docs/media-quality.md "Simulcast": a top layer the publisher pauses leaves a still picture in the recording).
/// Never drops. Loop only.
final class TapStage implements PacketStage {

    @Override
    public String name() {
        return "recording-tap";
    }

    @Override
    public Verdict process(PacketContext packet) {
        TrackRoute route = packet.route();
        RtpTap tap = route.tap();
        if (tap != null && packet.layer().index() == route.layers().length - 1) {
            tap.offerRtp(route, packet.clear.getBuffer(), packet.clear.getOffset(), packet.clear.getLength(),
                    packet.arrivalNanos);
        }
        return Verdict.FORWARD;
    }
}
