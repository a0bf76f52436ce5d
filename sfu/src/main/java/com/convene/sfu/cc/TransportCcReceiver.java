package com.convene.sfu.cc;

import java.util.Arrays;

/// The receive side of transport-wide congestion control for one publisher transport
/// (draft-holmer-rmcat-transport-wide-cc-extensions-01, docs/media-quality.md "Transport-wide feedback"): records
/// when each packet with a transport-wide sequence number arrived and writes the transport-cc feedback message
/// (RTPFB FMT 15, §3.1) that lets the publisher's libwebrtc run its delay-based estimate (GoogCC).
///
/// Holds the last [#CAPACITY] sequence numbers in preallocated arrays: recording and writing never allocate. A
/// feedback reports every sequence number from the first not yet reported to the highest received, at most
/// [#MAX_STATUSES] a message; packets that arrive after their number was reported are not reported again (the
/// sender counts them lost, as libwebrtc's own receiver would after its window). Not thread-safe: loop only.
public final class TransportCcReceiver {
    /// Sequence numbers remembered, a power of two.
    public static final int CAPACITY = 2048;
    /// Packet statuses one feedback message carries at most (keeps it under ~1,200 bytes).
    public static final int MAX_STATUSES = 400;
    /// Feedback interval, ns: libwebrtc's receivers send one every 50–100 ms; we use the fast end.
    public static final long INTERVAL_NANOS = 50_000_000L;
    /// RTCP transport-layer feedback packet type and the transport-cc format (§3.1).
    static final int RTPFB = 205;
    static final int FMT_TRANSPORT_CC = 15;
    /// Receive-delta unit, µs (§3.1.5).
    static final int DELTA_MICROS = 250;
    /// Reference-time unit, µs (§3.1: 64 ms).
    static final int REFERENCE_MICROS = 64_000;

    private static final int MASK = CAPACITY - 1;
    private static final long NOT_RECEIVED = Long.MIN_VALUE;

    private final int extensionId;
    private final long[] arrivalMicros = new long[CAPACITY];
    private final long[] slotSequence = new long[CAPACITY];
    private long highest = -1;
    private long nextToReport = -1;
    private long lastFeedbackNanos = Long.MIN_VALUE;
    private int feedbackCount;
    private long packetsRecorded;
    private long feedbacksWritten;

    /// Creates a receiver for the negotiated extension id.
    ///
    /// @param extensionId the `a=extmap` id of the transport-wide sequence number, 1–255
    public TransportCcReceiver(int extensionId) {
        if (extensionId < 1 || extensionId > 255) {
            throw new IllegalArgumentException("extension id must be 1-255, got " + extensionId);
        }
        this.extensionId = extensionId;
        Arrays.fill(slotSequence, -1);
    }

    /// The negotiated extension id.
    public int extensionId() {
        return extensionId;
    }

    /// Records one arrival.
    ///
    /// @param sequenceNumber the packet's transport-wide sequence number, 0–65,535
    /// @param arrivalNanos   [System#nanoTime()] at arrival, ns
    public void onPacket(int sequenceNumber, long arrivalNanos) {
        long unwrapped;
        if (highest < 0) {
            unwrapped = sequenceNumber & 0xFFFF;
            nextToReport = unwrapped;
        } else {
            int delta = (short) ((sequenceNumber & 0xFFFF) - (int) (highest & 0xFFFF));
            unwrapped = highest + delta;
        }
        if (unwrapped < nextToReport || unwrapped <= highest - CAPACITY) {
            return; // already reported (or far too old): the sender has counted it lost
        }
        int slot = (int) (unwrapped & MASK);
        slotSequence[slot] = unwrapped;
        arrivalMicros[slot] = arrivalNanos / 1_000;
        packetsRecorded++;
        if (unwrapped > highest) {
            highest = unwrapped;
            if (highest - nextToReport >= CAPACITY) {
                nextToReport = highest - CAPACITY + 1;
            }
        }
    }

    /// Whether a feedback message is due: something is unreported and [#INTERVAL_NANOS] have passed.
    ///
    /// @param nowNanos [System#nanoTime()] ns
    public boolean feedbackDue(long nowNanos) {
        return highest >= 0 && nextToReport <= highest
                && (lastFeedbackNanos == Long.MIN_VALUE || nowNanos - lastFeedbackNanos >= INTERVAL_NANOS);
    }

    /// Writes one transport-cc feedback message (§3.1) for the unreported packets into `buffer` at `offset` and
    /// marks them reported. The message is padded to 32 bits with RTCP padding (RFC 3550 §6.4.1, P bit).
    ///
    /// @param buffer     at least `offset + 1,200` bytes
    /// @param senderSsrc our SSRC in RTCP
    /// @param mediaSsrc  one of the publisher's SSRCs (libwebrtc ignores it)
    /// @param nowNanos   [System#nanoTime()] ns
    /// @return the message length in bytes, or 0 when there was nothing to report
    public int writeFeedback(byte[] buffer, int offset, int senderSsrc, int mediaSsrc, long nowNanos) {
        if (highest < 0 || nextToReport > highest) {
            return 0;
        }
        // Statuses start at the first unreported number, received or not; the first received one of the range sets
        // the reference time (its 64 ms floor, so every delta from it is 0 or more).
        long base = nextToReport;
        long last = Math.min(highest, base + MAX_STATUSES - 1);
        long firstReceived = base;
        while (firstReceived <= last && !received(firstReceived)) {
            firstReceived++;
        }
        if (firstReceived > last) {
            last = Math.min(highest, base + MAX_STATUSES - 1); // only losses in this window: report them
            firstReceived = highest;
        }
        long referenceTime = Math.floorDiv(arrivalMicros[(int) (firstReceived & MASK)], REFERENCE_MICROS);
        long previousTicks = referenceTime * (REFERENCE_MICROS / DELTA_MICROS);
        // First pass: how many statuses fit before a delta too large for 16 bits.
        int statuses = 0;
        int deltaBytes = 0;
        long ticks = previousTicks;
        for (long sequence = base; sequence <= last; sequence++) {
            if (received(sequence)) {
                long now = Math.floorDiv(arrivalMicros[(int) (sequence & MASK)], DELTA_MICROS);
                long delta = now - ticks;
                if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                    break;
                }
                deltaBytes += delta >= 0 && delta <= 255 ? 1 : 2;
                ticks = now;
            }
            statuses++;
        }
        int chunks = (statuses + 6) / 7;
        int position = offset + 20;
        // Status vector chunks with two-bit symbols (§3.1.4): T=1, S=1, seven symbols each.
        ticks = previousTicks;
        long sequence = base;
        int deltaPosition = position + 2 * chunks;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int value = 0xC000;
            for (int symbol = 0; symbol < 7; symbol++) {
                int status = 0;
                if (sequence < base + statuses) {
                    if (received(sequence)) {
                        long now = Math.floorDiv(arrivalMicros[(int) (sequence & MASK)], DELTA_MICROS);
                        long delta = now - ticks;
                        ticks = now;
                        if (delta >= 0 && delta <= 255) {
                            status = 1;
                            buffer[deltaPosition++] = (byte) delta;
                        } else {
                            status = 2;
                            buffer[deltaPosition++] = (byte) (delta >> 8);
                            buffer[deltaPosition++] = (byte) delta;
                        }
                    }
                    sequence++;
                }
                value |= status << (2 * (6 - symbol));
            }
            buffer[position++] = (byte) (value >> 8);
            buffer[position++] = (byte) value;
        }
        int end = deltaPosition;
        int padding = (4 - ((end - offset) & 3)) & 3;
        for (int i = 0; i < padding; i++) {
            buffer[end++] = 0;
        }
        if (padding > 0) {
            buffer[end - 1] = (byte) padding;
        }
        int length = end - offset;
        buffer[offset] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | FMT_TRANSPORT_CC);
        buffer[offset + 1] = (byte) RTPFB;
        writeShort(buffer, offset + 2, length / 4 - 1);
        writeInt(buffer, offset + 4, senderSsrc);
        writeInt(buffer, offset + 8, mediaSsrc);
        writeShort(buffer, offset + 12, (int) (base & 0xFFFF));
        writeShort(buffer, offset + 14, statuses);
        buffer[offset + 16] = (byte) (referenceTime >> 16);
        buffer[offset + 17] = (byte) (referenceTime >> 8);
        buffer[offset + 18] = (byte) referenceTime;
        buffer[offset + 19] = (byte) feedbackCount;
        feedbackCount = (feedbackCount + 1) & 0xFF;
        nextToReport = base + statuses;
        lastFeedbackNanos = nowNanos;
        feedbacksWritten++;
        assert deltaPosition - (offset + 20 + 2 * chunks) == deltaBytes;
        return length;
    }

    /// Packets recorded so far.
    public long packetsRecorded() {
        return packetsRecorded;
    }

    /// Feedback messages written so far.
    public long feedbacksWritten() {
        return feedbacksWritten;
    }

    private boolean received(long sequence) {
        int slot = (int) (sequence & MASK);
        return slotSequence[slot] == sequence && arrivalMicros[slot] != NOT_RECEIVED;
    }

    private static void writeShort(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >> 8);
        buffer[at + 1] = (byte) value;
    }

    private static void writeInt(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
