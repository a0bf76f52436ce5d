package com.convene.backend.sfu;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuServer;
import com.convene.sfu.SfuStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/// Exports the SFU's own counters (module `sfu`, which stays free of Micrometer) as meters, read at scrape time
/// from [SfuServer#stats()] and the room counts. Counters are monotonic since start, so Prometheus' `rate()` over
/// them gives packets, bytes, NACKs and PLIs per second (docs/decisions/060-operations-metrics.md).
///
/// | meter (Prometheus name) | type | source |
/// |---|---|---|
/// | `convene_sfu_received_packets_total`, `convene_sfu_received_bytes_total` | counter | datagrams read from the UDP port |
/// | `convene_sfu_forwarded_packets_total`, `convene_sfu_forwarded_bytes_total` | counter | SRTP/SRTCP sent to subscribers |
/// | `convene_sfu_rtp_lost_packets_total` | counter | sequence gaps in publishers' RTP (RFC 3550 §A.1) |
/// | `convene_sfu_nacks_received_total`, `convene_sfu_nacked_packets_total` | counter | subscribers' Generic NACKs (RFC 4585 §6.2.1) |
/// | `convene_sfu_plis_received_total`, `convene_sfu_plis_sent_total` | counter | key-frame requests in and out (RFC 4585 §6.3.1) |
/// | `convene_sfu_nacks_sent_total` | counter | Generic NACKs to publishers for video lost on the way in |
/// | `convene_sfu_receiver_reports_sent_total` | counter | receiver reports to publishers (RFC 3550 §6.4.2), about one a second each |
/// | `convene_sfu_transport_cc_feedbacks_sent_total` | counter | transport-cc feedback to publishers (docs/media-quality.md), one per 50 ms each while they send |
/// | `convene_sfu_retransmitted_packets_total`, `convene_sfu_retransmission_misses_packets_total` | counter | RTX packets (RFC 4588) sent to subscribers from the buffer, and NACKed packets not held |
/// | `convene_sfu_dropped_packets_total{reason}` | counter | media-path drops by [DropReason], lower case |
/// | `convene_sfu_rooms`, `convene_sfu_participants`, `convene_sfu_tracks` | gauge | current counts |
@Singleton
final class SfuMeterBinder implements MeterBinder {

    /// Base unit of packet counters (Micrometer has none); Prometheus names end in `_packets_total`.
    private static final String PACKETS = "packets";

    private final SfuServer sfu;

    SfuMeterBinder(SfuServer sfu) {
        this.sfu = sfu;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "convene.sfu.received.packets", PACKETS, "Datagrams read from the SFU's UDP port",
                SfuStats::packetsReceived);
        counter(registry, "convene.sfu.received.bytes", BaseUnits.BYTES, "UDP payload bytes read by the SFU",
                SfuStats::bytesReceived);
        counter(registry, "convene.sfu.forwarded.packets", PACKETS, "SRTP/SRTCP packets sent to subscribers",
                SfuStats::packetsForwarded);
        counter(registry, "convene.sfu.forwarded.bytes", BaseUnits.BYTES, "SRTP/SRTCP bytes sent to subscribers",
                SfuStats::bytesForwarded);
        counter(registry, "convene.sfu.rtp.lost.packets", PACKETS,
                "RTP packets missing from publishers' streams (sequence gaps at the SFU)", SfuStats::rtpPacketsLost);
        counter(registry, "convene.sfu.nacks.received", null, "Generic NACK messages received from subscribers",
                SfuStats::nacksReceived);
        counter(registry, "convene.sfu.nacked.packets", PACKETS, "RTP packets subscribers asked for in NACKs",
                SfuStats::nackedPackets);
        counter(registry, "convene.sfu.nacks.sent", null, "Generic NACKs sent to publishers for lost video packets",
                SfuStats::nacksSent);
        counter(registry, "convene.sfu.receiver.reports.sent", null,
                "Receiver reports sent to publishers (RFC 3550 section 6.4.2)", SfuStats::receiverReportsSent);
        counter(registry, "convene.sfu.transport.cc.feedbacks.sent", null,
                "Transport-cc feedback messages sent to publishers (docs/media-quality.md)",
                SfuStats::transportCcFeedbacksSent);
        counter(registry, "convene.sfu.retransmitted.packets", PACKETS,
                "RTX packets sent to subscribers from the retransmission buffer", SfuStats::retransmissionsSent);
        counter(registry, "convene.sfu.retransmission.misses", PACKETS,
                "Packets subscribers NACKed that the SFU no longer held", SfuStats::retransmissionMisses);
        counter(registry, "convene.sfu.plis.received", null, "PLI and FIR requests received from subscribers",
                SfuStats::plisReceived);
        counter(registry, "convene.sfu.plis.sent", null, "PLIs sent to publishers after throttling",
                SfuStats::plisSent);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("convene.sfu.dropped.packets", sfu, s -> s.stats().dropped(reason))
                    .baseUnit(PACKETS)
                    .description("Datagrams the media path dropped, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("convene.sfu.rooms", sfu, SfuServer::roomCount)
                .description("Rooms open in the SFU").register(registry);
        Gauge.builder("convene.sfu.participants", sfu, SfuServer::participantCount)
                .description("Participants in SFU rooms").register(registry);
        Gauge.builder("convene.sfu.tracks", sfu, SfuServer::trackCount)
                .description("Tracks published in SFU rooms").register(registry);
    }

    private void counter(MeterRegistry registry, String name, @Nullable String baseUnit, String description,
                         ToDoubleFunction<SfuStats> value) {
        FunctionCounter.Builder<SfuServer> builder =
                FunctionCounter.builder(name, sfu, s -> value.applyAsDouble(s.stats())).description(description);
        if (baseUnit != null) {
            builder.baseUnit(baseUnit);
        }
        builder.register(registry);
    }
}
