package com.convene.backend.recording;

/// Puts one video track's RTP packets back into sequence order before they are depacketized, waiting a little for
/// a missing one: since the SFU NACKs every gap to the publisher (docs/decisions/006-nack-and-rtx.md), a packet
/// lost on the way in usually arrives again one round trip later, and a recording that waits for it keeps the
/// frame instead of dropping every frame up to the next key frame.
///
/// Packets are copied into [#CAPACITY] preallocated slots by sequence number. In-order packets pass straight
/// through. While the next expected packet is missing, later ones are held until it arrives or until a packet
/// arrives more than [#MAX_WAIT_NANOS] after the wait began; then the missing ones are given up (the depacketizer
/// sees the gap) and the held run is released. A packet older than what was already released is dropped (counted),
/// as is a duplicate; a jump further ahead than the buffer holds releases everything held first.
///
/// Not thread-safe: confined to the recording tap's consumer thread, like [TrackRecorder].
final class RtpReorderBuffer {
    /// Packets held at most, a power of two (about 3 s of 360p video).
    static final int CAPACITY = 512;
    /// How long to wait for a missing packet, in ns of arrival time: a few round trips.
    static final long MAX_WAIT_NANOS = 250_000_000L;
    private static final int MAX_PACKET = 1_500;

    /// Receives packets in sequence order.
    @FunctionalInterface
    interface Sink {
        /// One packet, starting at index 0 of `packet`; the array is reused after the call.
        void accept(byte[] packet, int length, long arrivalNanos);
    }

    private final byte[][] packets = new byte[CAPACITY][];
    private final int[] lengths = new int[CAPACITY];
    private final long[] arrivals = new long[CAPACITY];
    private final boolean[] held = new boolean[CAPACITY];
    private final Sink sink;
    private int next = -1;
    private int heldCount;
    private long waitingSinceNanos;
    private long lateDropped;
    private long gaveUp;

    RtpReorderBuffer(Sink sink) {
        this.sink = sink;
    }

    /// Packets dropped because they arrived after their place had been released, or twice.
    long lateDropped() {
        return lateDropped;
    }

    /// Missing packets given up after waiting.
    long gaveUp() {
        return gaveUp;
    }

    /// Takes one packet (copied) and releases what is in order.
    ///
    /// @param sequenceNumber its RTP sequence number, 0–65,535
    void push(byte[] packet, int length, int sequenceNumber, long arrivalNanos) {
        if (length > MAX_PACKET) {
            return; // larger than any RTP packet over UDP here; the depacketizer will see the gap
        }
        if (next < 0) {
            next = sequenceNumber;
        }
        int ahead = (sequenceNumber - next) & 0xFFFF;
        if (ahead >= 0x8000) {
            lateDropped++; // older than what was released: its frame is closed
            return;
        }
        if (ahead >= CAPACITY) {
            flush();
            next = sequenceNumber;
            ahead = 0;
        }
        int slot = sequenceNumber & (CAPACITY - 1);
        if (held[slot]) {
            lateDropped++; // a duplicate
            return;
        }
        if (packets[slot] == null) {
            packets[slot] = new byte[MAX_PACKET];
        }
        System.arraycopy(packet, 0, packets[slot], 0, length);
        lengths[slot] = length;
        arrivals[slot] = arrivalNanos;
        held[slot] = true;
        heldCount++;
        boolean moved = releaseInOrder() > 0;
        if (heldCount > 0) {
            if (moved || heldCount == 1) {
                waitingSinceNanos = arrivalNanos; // a new wait for the packet now missing at the front
            }
            if (arrivalNanos - waitingSinceNanos > MAX_WAIT_NANOS) {
                skipToHeld();
                releaseInOrder();
                waitingSinceNanos = arrivalNanos;
            }
        }
    }

    /// Releases everything held, in order, giving up what is missing (at the end of a recording).
    void flush() {
        while (heldCount > 0) {
            skipToHeld();
            releaseInOrder();
        }
    }

    /// Releases the in-order run at the front; returns how many packets it released.
    private int releaseInOrder() {
        int released = 0;
        while (heldCount > 0 && held[next & (CAPACITY - 1)]) {
            int slot = next & (CAPACITY - 1);
            held[slot] = false;
            heldCount--;
            next = (next + 1) & 0xFFFF;
            released++;
            sink.accept(packets[slot], lengths[slot], arrivals[slot]);
        }
        return released;
    }

    /// Moves past the missing packets to the first one held.
    private void skipToHeld() {
        while (heldCount > 0 && !held[next & (CAPACITY - 1)]) {
            next = (next + 1) & 0xFFFF;
            gaveUp++;
        }
    }
}
