package com.convene.sfu.routing;

/// One step of the media path (STYLE.md §4, docs/architecture.md "Media path"): it looks at or changes the packet
/// in a [PacketContext] and says whether the next stage gets it. Stages never call backwards: feedback to a
/// publisher or subscriber is a new outbound packet sent through [RtcpSender] or [SubscriberSender].
///
/// Stages run on the socket event loop only, must not block, throw or allocate per packet.
interface PacketStage {

    /// The stage's name in statistics, e.g. `srtp-decrypt`.
    ///
    /// @return a stable lower-case name
    String name();

    /// Handles one packet.
    ///
    /// @param packet the packet and what earlier stages learned about it; owned by the chain
    /// @return [Verdict#FORWARD], [Verdict#CONSUMED], or [Verdict#DROP] after [PacketContext#drop]
    Verdict process(PacketContext packet);
}
