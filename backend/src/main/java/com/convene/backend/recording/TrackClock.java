package com.convene.backend.recording;

/// Maps one track's RTP timestamps to the recorder's local clock ([System#nanoTime()]), so every track of a
/// recording shares one timeline.
///
/// RTP timestamps are unwrapped to 64 bits (RFC 3550 §5.1: they wrap every 2^32 ticks, 13 h at 90 kHz). Once a
/// sender report (RFC 3550 §6.4.1) has paired an RTP timestamp with the publisher's NTP wall clock, a timestamp
/// maps through the latest report onto the publisher's wall clock, and from there onto the local clock with the
/// participant's [SenderClock] offset, which all tracks of one publisher share: audio and video of a person stay
/// in sync (lip sync), and different people line up by when their media reached the server. Before the first
/// report, the track is anchored on arrival: on the packet that arrived least late for its RTP time, so one
/// delayed first packet does not shift the track. Because the mapping follows RTP time, lost packets and pauses
/// leave gaps instead of shifting what follows.
///
/// A report is used only when it agrees with the media: the RTP time between the newest packet and the report
/// must match the arrival time between them within [#MAX_REPORT_DISAGREEMENT_NANOS]. Some senders stamp reports
/// from another clock than their packets (libwebrtc with custom sources whose frames carry their own capture
/// epoch puts the report hours away); such a track stays on arrival time and [#rejectedReports] counts them.
///
/// Confined to the recording tap's consumer thread.
final class TrackClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /// Largest difference, in ns, between the RTP time and the arrival time from the newest packet to a sender
    /// report for the report to be trusted (network jitter and send pacing stay far below).
    static final long MAX_REPORT_DISAGREEMENT_NANOS = 1_000_000_000L;

    private final long clockRate;
    private final SenderClock sender;
    private long lastExtended = Long.MIN_VALUE;
    private long lastArrivalNanos;
    private long anchorExtended;
    private long anchorArrivalNanos;
    private long rejectedReports;
    private boolean haveReport;
    private long reportExtended;
    private long reportSenderNanos;

    /// @param clockRate RTP clock rate in Hz: 90,000 for VP8 (RFC 7741 §6.1), 48,000 for Opus (RFC 7587 §4.1)
    /// @param sender    the publisher's wall clock, shared by its tracks
    TrackClock(long clockRate, SenderClock sender) {
        this.clockRate = clockRate;
        this.sender = sender;
    }

    /// The publisher's NTP wall clock relative to the local clock; one per publisher.
    static final class SenderClock {
        private boolean known;
        private long offsetNanos;

        /// Whether a sender report fixed the offset.
        boolean known() {
            return known;
        }

        /// Fixes the offset on the first report: the local arrival time minus the publisher's wall-clock time.
        void observe(long senderNanos, long arrivalNanos) {
            if (!known) {
                known = true;
                offsetNanos = arrivalNanos - senderNanos;
            }
        }

        long toLocal(long senderNanos) {
            return senderNanos + offsetNanos;
        }
    }

    /// Unwraps a packet's 32-bit timestamp and advances the track's reference. Call for each packet in order.
    ///
    /// @param rtpTimestamp unsigned 32 bits in a long
    /// @param arrivalNanos when the packet arrived, [System#nanoTime()]
    /// @return the 64-bit extended timestamp
    long onPacket(long rtpTimestamp, long arrivalNanos) {
        if (lastExtended == Long.MIN_VALUE) {
            lastExtended = rtpTimestamp;
            lastArrivalNanos = arrivalNanos;
            anchorExtended = rtpTimestamp;
            anchorArrivalNanos = arrivalNanos;
            return rtpTimestamp;
        }
        long extended = extend(rtpTimestamp);
        if (extended > lastExtended) {
            lastExtended = extended;
            lastArrivalNanos = arrivalNanos;
        }
        if (arrivalNanos < anchorArrivalNanos + ticksToNanos(extended - anchorExtended)) {
            anchorExtended = extended; // arrived earlier for its RTP time than the anchor: less delayed
            anchorArrivalNanos = arrivalNanos;
        }
        return extended;
    }

    /// Takes a sender report of this track.
    ///
    /// @param ntpTimestamp 64-bit NTP timestamp (RFC 5905 §6)
    /// @param rtpTimestamp the RTP timestamp of the same instant, unsigned 32 bits
    /// @param arrivalNanos when the report arrived, [System#nanoTime()]
    /// @return whether the report was used (false before any packet, or when it disagrees with the media)
    boolean onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        if (lastExtended == Long.MIN_VALUE) {
            return false; // nothing to check it against yet; reports repeat every second or so
        }
        long extended = extend(rtpTimestamp);
        long rtpGap = ticksToNanos(extended - lastExtended);
        long arrivalGap = arrivalNanos - lastArrivalNanos;
        if (Math.abs(rtpGap - arrivalGap) > MAX_REPORT_DISAGREEMENT_NANOS) {
            rejectedReports++;
            return false;
        }
        long senderNanos = ntpToNanos(ntpTimestamp);
        sender.observe(senderNanos, arrivalNanos);
        reportExtended = extended;
        reportSenderNanos = senderNanos;
        haveReport = true;
        return true;
    }

    /// Sender reports ignored because their RTP time disagreed with the packets'.
    long rejectedReports() {
        return rejectedReports;
    }

    /// Whether a sender report maps this track onto its publisher's wall clock.
    boolean synchronizedBySenderReport() {
        return haveReport && sender.known();
    }

    /// The local time, [System#nanoTime()] scale, of an extended RTP timestamp.
    long localNanos(long extendedTimestamp) {
        if (synchronizedBySenderReport()) {
            return sender.toLocal(reportSenderNanos + ticksToNanos(extendedTimestamp - reportExtended));
        }
        return anchorArrivalNanos + ticksToNanos(extendedTimestamp - anchorExtended);
    }

    /// Converts a 64-bit NTP timestamp (seconds since 1900 in the high half, binary fraction in the low) to ns.
    static long ntpToNanos(long ntpTimestamp) {
        long seconds = ntpTimestamp >>> 32;
        long fraction = ntpTimestamp & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND) >>> 32);
    }

    /// Exact while `|ticks|` < 9.2e9 (28 h of 90 kHz video), far beyond one recording.
    private long ticksToNanos(long ticks) {
        return ticks * NANOS_PER_SECOND / clockRate;
    }

    private long extend(long rtpTimestamp) {
        int delta = (int) (rtpTimestamp - (lastExtended & 0xFFFF_FFFFL));
        return lastExtended + delta;
    }
}
