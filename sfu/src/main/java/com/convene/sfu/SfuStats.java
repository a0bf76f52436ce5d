package com.convene.sfu;

import java.util.EnumMap;
import java.util.Map;

/// A snapshot of the SFU's counters, all monotonic since the server started (so a scraper's rate over them is a
/// per-second figure).
///
/// @param drops             datagrams dropped, per reason (every reason present, zero or more)
/// @param packetsReceived   datagrams read from the socket (STUN, DTLS, SRTP and SRTCP)
/// @param bytesReceived     UDP payload bytes of those datagrams
/// @param packetsForwarded  RTP and RTCP packets sent to subscribers (one count per subscriber copy)
/// @param bytesForwarded    SRTP/SRTCP bytes sent to subscribers
/// @param rtpPacketsLost    RTP packets missing from publishers' streams as the SFU received them: gaps in the
///                          sequence numbers (RFC 3550 §A.1); late, reordered packets are still counted missing
/// @param nacksReceived     Generic NACK messages (RFC 4585 §6.2.1) received from subscribers
/// @param nackedPackets     RTP packets those NACKs asked for
/// @param plisReceived      PLI and FIR requests (RFC 4585 §6.3.1, RFC 5104 §4.3.1) received from subscribers
/// @param plisSent          PLIs the SFU sent to publishers (after the per-track throttle)
/// @param nacksSent         Generic NACKs the SFU sent to publishers for video packets that never reached it
/// @param retransmissionsSent RTX packets (RFC 4588) the SFU sent to subscribers from its retransmission buffer
/// @param retransmissionMisses packets subscribers NACKed that the SFU no longer held (or never received)
/// @param receiverReportsSent receiver reports (RFC 3550 §6.4.2) the SFU sent to publishers
/// @param transportCcFeedbacksSent transport-cc feedback messages (draft-holmer-rmcat-transport-wide-cc-extensions-01
///                          §3.1) the SFU sent to publishers
public record SfuStats(Map<DropReason, Long> drops, long packetsReceived, long bytesReceived, long packetsForwarded,
        long bytesForwarded, long rtpPacketsLost, long nacksReceived, long nackedPackets, long plisReceived,
        long plisSent, long nacksSent, long retransmissionsSent, long retransmissionMisses,
        long receiverReportsSent, long transportCcFeedbacksSent) {

    /// Without transport-cc feedback (the shape before issue 13).
    public SfuStats(Map<DropReason, Long> drops, long packetsReceived, long bytesReceived, long packetsForwarded,
            long bytesForwarded, long rtpPacketsLost, long nacksReceived, long nackedPackets, long plisReceived,
            long plisSent, long nacksSent, long retransmissionsSent, long retransmissionMisses,
            long receiverReportsSent) {
        this(drops, packetsReceived, bytesReceived, packetsForwarded, bytesForwarded, rtpPacketsLost, nacksReceived,
                nackedPackets, plisReceived, plisSent, nacksSent, retransmissionsSent, retransmissionMisses,
                receiverReportsSent, 0);
    }

    /// Copies the map and fills absent reasons with zero.
    public SfuStats {
        EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            all.put(reason, drops.getOrDefault(reason, 0L));
        }
        drops = Map.copyOf(all);
    }

    /// The drop count for one reason.
    ///
    /// @param reason the reason
    /// @return datagrams dropped for it, 0 or more
    public long dropped(DropReason reason) {
        return drops.get(reason);
    }

    /// The sum of all drop counts.
    ///
    /// @return datagrams dropped
    public long totalDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
