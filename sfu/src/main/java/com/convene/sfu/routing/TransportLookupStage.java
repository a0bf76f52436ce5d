package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import java.net.InetSocketAddress;
import java.util.Map;

/// Stage: finds the transport a valid ICE check bound to the packet's source address; anything else from an
/// unknown address is dropped (RFC 8445 §7.3: media only from a validated candidate pair). Loop only.
final class TransportLookupStage implements PacketStage {
    private final Map<InetSocketAddress, PeerTransport> transportsByAddress;

    /// @param transportsByAddress the router's table, confined to the loop
    TransportLookupStage(Map<InetSocketAddress, PeerTransport> transportsByAddress) {
        this.transportsByAddress = transportsByAddress;
    }

    @Override
    public String name() {
        return "transport-lookup";
    }

    @Override
    public Verdict process(PacketContext packet) {
        PeerTransport transport = packet.source == null ? null : transportsByAddress.get(packet.source);
        if (transport == null) {
            return packet.drop(DropReason.UNKNOWN_SOURCE);
        }
        packet.transport = transport;
        return Verdict.FORWARD;
    }
}
