package com.convene.sfu.routing;

/// Stage: the router: sends the clear packet to every subscriber of its track through the per-subscriber send
/// stages ([SubscriberSender]: SRTP protect with the subscriber's keys, UDP out). Failures of single copies are
/// counted there; the packet itself goes on to the stages after it. Loop only.
final class ForwardStage implements PacketStage {
    private final SubscriberSender sender;

    ForwardStage(SubscriberSender sender) {
        this.sender = sender;
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
        for (PeerTransport subscriber : packet.route().subscribers()) {
            sender.forwardRtp(subscriber, clear, offset, length, packet.ssrc);
        }
        return Verdict.FORWARD;
    }
}
