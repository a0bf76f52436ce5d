package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.dtls.DtlsRecords;

/// Stage: hands a well-formed DTLS record (RFC 6347 §4.1) to its transport's handshake thread and consumes it;
/// the handshake's flights go out from that thread. Loop only.
final class DtlsStage implements PacketStage {

    @Override
    public String name() {
        return "dtls";
    }

    @Override
    public Verdict process(PacketContext packet) {
        if (!DtlsRecords.isWellFormed(packet.datagram, 0, packet.datagramLength)) {
            return packet.drop(DropReason.MALFORMED_DTLS);
        }
        return packet.transport().dtls().offer(packet.datagram, 0, packet.datagramLength) ? Verdict.CONSUMED
                : packet.drop(DropReason.DTLS_QUEUE_FULL);
    }
}
