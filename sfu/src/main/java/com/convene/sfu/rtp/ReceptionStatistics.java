package com.convene.sfu.rtp;

/// What the SFU received of one published RTP stream, for the receiver reports it sends the publisher (RFC 3550
/// §6.4.2, Appendix A.1, A.3 and A.8): packets expected and lost from the extended highest sequence number,
/// interarrival jitter, and the last sender report for the publisher's round-trip time.
///
/// Without these reports libwebrtc's send-side bandwidth estimation never hears that its packets arrive, stays at
/// its 300 kbit/s start rate and cannot measure the round trip its NACK timing needs.
///
/// Not thread-safe: confined to the socket event loop.
public final class ReceptionStatistics {
    /// Length of one report block, bytes.
    public static final int REPORT_BLOCK_LENGTH = 24;
    private static final int MAX_DROPOUT = 3_000;
    private static final int MAX_MISORDER = 100;

    private final int clockRate;
    private int baseSequence = -1;
    private int maxSequence;
    private long cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastArrivalNanos;
    private long lastRtpTimestamp = -1;
    private long lastSenderReportMiddle;
    private long lastSenderReportNanos = Long.MIN_VALUE;

    /// @param clockRate the stream's RTP clock rate in Hz (90,000 for video, 48,000 for Opus)
    public ReceptionStatistics(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /// Records a received packet.
    ///
    /// @param sequenceNumber 0–65,535
    /// @param rtpTimestamp   0–2^32-1
    /// @param arrivalNanos   [System#nanoTime()] at arrival
    public void onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos) {
        if (baseSequence < 0) {
            baseSequence = sequenceNumber;
            maxSequence = sequenceNumber;
            received = 1;
            lastArrivalNanos = arrivalNanos;
            lastRtpTimestamp = rtpTimestamp;
            return;
        }
        int ahead = (sequenceNumber - maxSequence) & 0xFFFF;
        if (ahead > 0 && ahead < MAX_DROPOUT) {
            if (sequenceNumber < maxSequence) {
                cycles += 0x1_0000; // wrapped
            }
            maxSequence = sequenceNumber;
            updateJitter(rtpTimestamp, arrivalNanos);
        } else if (ahead >= MAX_DROPOUT && ahead <= 0x1_0000 - MAX_MISORDER) {
            // a jump no reordering explains: the sender restarted its numbering; start over (RFC 3550 A.1)
            baseSequence = sequenceNumber;
            maxSequence = sequenceNumber;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            lastRtpTimestamp = -1;
        }
        received++; // duplicates and late packets count too, as RFC 3550 A.3 allows
    }

    /// Records a sender report of the stream (for LSR and DLSR).
    ///
    /// @param ntpMiddle the middle 32 bits of its NTP timestamp
    public void onSenderReport(long ntpMiddle, long arrivalNanos) {
        lastSenderReportMiddle = ntpMiddle & 0xFFFF_FFFFL;
        lastSenderReportNanos = arrivalNanos;
    }

    /// Packets received so far (since the last restart of the numbering).
    public long received() {
        return received;
    }

    /// Packets expected but not received so far; negative when duplicates outnumber losses.
    public long cumulativeLost() {
        return expected() - received;
    }

    /// Interarrival jitter in RTP clock units.
    public long jitter() {
        return (long) jitter;
    }

    /// Writes one report block (RFC 3550 §6.4.1) for the stream `ssrc` and starts a new reporting interval.
    ///
    /// @return [#REPORT_BLOCK_LENGTH], or 0 before the first packet (nothing to report)
    public int writeReportBlock(byte[] buffer, int at, int ssrc, long nowNanos) {
        if (baseSequence < 0) {
            return 0;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.clamp(expected - received, -0x80_0000L, 0x7F_FFFFL);
        writeI32(buffer, at, ssrc);
        writeI32(buffer, at + 4, (Math.min(fraction, 255) << 24) | (int) (lost & 0xFF_FFFF));
        writeI32(buffer, at + 8, (int) (cycles + maxSequence));
        writeI32(buffer, at + 12, (int) jitter);
        boolean haveReport = lastSenderReportNanos != Long.MIN_VALUE;
        writeI32(buffer, at + 16, haveReport ? (int) lastSenderReportMiddle : 0);
        long delay = haveReport ? (nowNanos - lastSenderReportNanos) * 65_536 / 1_000_000_000L : 0;
        writeI32(buffer, at + 20, (int) Math.clamp(delay, 0, 0xFFFF_FFFFL));
        return REPORT_BLOCK_LENGTH;
    }

    private long expected() {
        return cycles + maxSequence - baseSequence + 1;
    }

    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        if (lastRtpTimestamp >= 0) {
            double arrivalUnits = (arrivalNanos - lastArrivalNanos) * (clockRate / 1e9);
            int rtpUnits = (int) (rtpTimestamp - lastRtpTimestamp); // wraps as a signed 32-bit difference
            double d = Math.abs(arrivalUnits - rtpUnits);
            jitter += (d - jitter) / 16;
        }
        lastArrivalNanos = arrivalNanos;
        lastRtpTimestamp = rtpTimestamp;
    }

    private static void writeI32(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
