package com.convene.sfu.routing;

/// SRTP and SRTCP packets that arrive from a validated address before the DTLS handshake's keys reached the socket
/// loop. A libwebrtc client starts sending the moment it has our last handshake flight, a few milliseconds before
/// the keys are handed over, and those first packets are often its bandwidth probes and its first key frame:
/// dropping them made the publisher's estimate stay at its start rate (the probe looked lost) and delayed the first
/// picture. They are kept (at most [#CAPACITY], in arrival order) and run through the media path once the keys
/// are set ([MediaRouter]). Allocated once per transport, on its first early packet. Loop only.
final class EarlyPackets {
    /// Packets kept; more are dropped as [com.convene.sfu.DropReason#SRTP_NOT_READY].
    static final int CAPACITY = 32;
    private static final int MAX_PACKET = 1500;

    private final byte[][] packets = new byte[CAPACITY][MAX_PACKET];
    private final int[] lengths = new int[CAPACITY];
    private final long[] arrivals = new long[CAPACITY];
    private int count;

    /// Keeps a copy of a datagram.
    ///
    /// @return false when full or the datagram is too large (the caller drops it)
    boolean keep(byte[] datagram, int length, long arrivalNanos) {
        if (count == CAPACITY || length > MAX_PACKET) {
            return false;
        }
        System.arraycopy(datagram, 0, packets[count], 0, length);
        lengths[count] = length;
        arrivals[count] = arrivalNanos;
        count++;
        return true;
    }

    /// Packets kept, 0 to [#CAPACITY].
    int count() {
        return count;
    }

    byte[] packet(int index) {
        return packets[index];
    }

    int length(int index) {
        return lengths[index];
    }

    long arrival(int index) {
        return arrivals[index];
    }

    /// Forgets every packet.
    void clear() {
        count = 0;
    }
}
