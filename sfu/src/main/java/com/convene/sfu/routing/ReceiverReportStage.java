package com.convene.sfu.routing;

/// Stage: after a publisher's packet, sends it a receiver report when one is due ([ReceiverReportSender]).
/// Never drops. Loop only.
final class ReceiverReportStage implements PacketStage {
    private final ReceiverReportSender reports;

    ReceiverReportStage(ReceiverReportSender reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "receiver-report";
    }

    @Override
    public Verdict process(PacketContext packet) {
        reports.maybeSend(packet.transport(), packet.arrivalNanos);
        return Verdict.FORWARD;
    }
}
