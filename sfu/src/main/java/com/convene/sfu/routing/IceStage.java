package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.ice.IceLiteAgent;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;

/// Stage: answers a STUN Binding request as an ICE-lite agent (RFC 8445 §2.5, RFC 8489) and consumes it; a valid
/// check binds the sender's address to its transport ([MediaRouter#bind]). Loop only.
final class IceStage implements PacketStage {
    private final IceLiteAgent ice;
    private final UdpSocketLoop loop;

    IceStage(IceLiteAgent ice, UdpSocketLoop loop) {
        this.ice = ice;
        this.loop = loop;
    }

    @Override
    public String name() {
        return "ice";
    }

    @Override
    public Verdict process(PacketContext packet) {
        InetSocketAddress source = packet.source;
        if (source == null) {
            return packet.drop(DropReason.UNKNOWN_SOURCE);
        }
        DropReason reason = ice.handle(packet.datagram, 0, packet.datagramLength, source);
        if (reason != null) {
            return packet.drop(reason);
        }
        if (!loop.sendFromLoop(ice.response().buffer(), 0, ice.response().length(), source)) {
            return packet.drop(DropReason.SEND_FAILED);
        }
        return Verdict.CONSUMED;
    }
}
