package com.convene.sfu.rtp;

/// Counts RTP packets missing from one stream by the gaps in its 16-bit sequence numbers (RFC 3550 §A.1).
///
/// A jump forward by n counts n - 1 missing packets. A duplicate, or a late packet that arrives after its
/// successors, counts none and leaves the highest number alone; such a late packet has already been counted
/// missing, so the count is an upper bound under reordering. Not thread-safe: confined to the socket event loop.
public final class SequenceGaps {
    /// Highest sequence number seen, 0–65,535, or -1 before the first packet.
    private int highestSequenceNumber = -1;

    /// Records a received packet's sequence number.
    ///
    /// @param sequenceNumber the packet's sequence number, 0–65,535
    /// @return packets missing just before it, 0–32,766
    public int record(int sequenceNumber) {
        int previous = highestSequenceNumber;
        if (previous < 0) {
            highestSequenceNumber = sequenceNumber & 0xFFFF;
            return 0;
        }
        int delta = (sequenceNumber - previous) & 0xFFFF;
        if (delta == 0 || delta >= 0x8000) {
            return 0;
        }
        highestSequenceNumber = sequenceNumber & 0xFFFF;
        return delta - 1;
    }
}
