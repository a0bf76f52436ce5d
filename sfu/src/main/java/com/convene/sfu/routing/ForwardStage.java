package com.convene.sfu.routing;

import com.convene.sfu.srtp.PacketBuffer;

/// Stage: the router: sends the clear packet to every subscriber of its track through the per-subscriber send
/// stages ([SubscriberSender]: SRTP protect with the subscriber's keys, UDP out). A track in one stream goes out
/// unchanged (unless the subscriber paused it); a simulcast track goes to each subscriber only in the layer its [DownTrack] takes, rewritten to
/// continue that subscriber's stream, and a subscriber waiting for a layer switch has the publisher asked for a
/// key frame of that layer ([KeyFrameRequester], throttled per layer). Failures of single copies are counted in
/// the send stage; the packet itself goes on to the stages after it. Loop only.
final class ForwardStage implements PacketStage {
    private final SubscriberSender sender;
    private final KeyFrameRequester keyFrames;

    ForwardStage(SubscriberSender sender, KeyFrameRequester keyFrames) {
        this.sender = sender;
        this.keyFrames = keyFrames;
    }

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public Verdict process(PacketContext packet) {
        byte[] clear = packet.clear.getBuffer();
        int offset = packet.clear.getOffset();
        int length = packet.clear.getLength();
        TrackRoute route = packet.route();
        if (!route.simulcast()) {
            for (DownTrack downTrack : route.subscribers()) {
                if (downTrack.maxLayer() >= 0) {
                    sender.forwardRtp(downTrack.subscriber(), clear, offset, length, packet.ssrc);
                }
            }
            return Verdict.FORWARD;
        }
        int layer = packet.layer().index();
        for (DownTrack downTrack : route.subscribers()) {
            boolean send = downTrack.accept(layer, clear, offset, length, packet.arrivalNanos);
            if (downTrack.wantsKeyFrame()) {
                keyFrames.request(route, downTrack.targetLayer(), packet.arrivalNanos, downTrack.urgent());
            }
            if (!send) {
                continue;
            }
            PacketBuffer copy = sender.scratch();
            System.arraycopy(clear, offset, copy.getBuffer(), 0, length);
            copy.setLength(length);
            downTrack.rewrite(copy.getBuffer(), 0, length, layer, packet.arrivalNanos);
            sender.sendScratchRtp(downTrack.subscriber(), route.ssrc(), false);
        }
        return Verdict.FORWARD;
    }
}
