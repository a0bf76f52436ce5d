package com.convene.sfu.rtp;

import org.jspecify.annotations.Nullable;

/// The last [#CAPACITY] clear RTP packets of one published video track, by sequence number, so the SFU can answer a
/// subscriber's Generic NACK (RFC 4585 §6.2.1) itself instead of asking the publisher.
///
/// A ring of preallocated slots indexed by the sequence number's low bits: storing never allocates, and a packet
/// is found only while its slot has not been reused (about [#CAPACITY] packets, some 5 s of 360p video). Slots are
/// allocated on first use (at most CAPACITY × 1,500 bytes per track). Not thread-safe: confined to the socket
/// event loop.
public final class RetransmissionBuffer {
    /// Packets kept, a power of two.
    public static final int CAPACITY = 512;
    /// Largest packet kept, bytes (a packet that does not fit is not kept).
    public static final int MAX_PACKET = 1500;

    private final byte[][] packets = new byte[CAPACITY][];
    private final int[] lengths = new int[CAPACITY];
    /// Sequence number held by each slot, or -1 when empty.
    private final int[] sequenceNumbers = new int[CAPACITY];

    /// Creates an empty buffer.
    public RetransmissionBuffer() {
        java.util.Arrays.fill(sequenceNumbers, -1);
    }

    /// Keeps a copy of a clear RTP packet.
    ///
    /// @param sequenceNumber its sequence number, 0–65,535
    public void store(byte[] buffer, int offset, int length, int sequenceNumber) {
        int slot = sequenceNumber & (CAPACITY - 1);
        if (length > MAX_PACKET) {
            sequenceNumbers[slot] = -1;
            return;
        }
        byte[] copy = packets[slot];
        if (copy == null) {
            copy = new byte[MAX_PACKET];
            packets[slot] = copy;
        }
        System.arraycopy(buffer, offset, copy, 0, length);
        lengths[slot] = length;
        sequenceNumbers[slot] = sequenceNumber & 0xFFFF;
    }

    /// The kept packet with `sequenceNumber`, starting at index 0 of the returned array, or null when it was never
    /// kept or its slot has been reused. The array is reused by later [#store] calls.
    public byte @Nullable [] find(int sequenceNumber) {
        int slot = sequenceNumber & (CAPACITY - 1);
        return sequenceNumbers[slot] == (sequenceNumber & 0xFFFF) ? packets[slot] : null;
    }

    /// The length of the packet [#find] returned for `sequenceNumber`, bytes.
    public int length(int sequenceNumber) {
        return lengths[sequenceNumber & (CAPACITY - 1)];
    }
}
