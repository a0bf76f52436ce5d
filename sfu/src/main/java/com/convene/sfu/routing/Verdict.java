package com.convene.sfu.routing;

/// What a [PacketStage] decided about the packet it was given (STYLE.md §4).
enum Verdict {
    /// Pass the packet to the next stage of the chain.
    FORWARD,
    /// The stage took the packet over (answered it, queued it, or sent it on); the chain stops without a drop.
    CONSUMED,
    /// The packet is dropped for the reason set on the [PacketContext]; the chain stops and counts it.
    DROP
}
