package com.convene.sfu.transport;

/// The protocol of a datagram by its first byte (RFC 7983 §7).
public enum PacketClass {
    /// 0–3.
    STUN,
    /// 20–63.
    DTLS,
    /// 128–191.
    RTP_RTCP,
    /// Anything else, including empty datagrams.
    UNKNOWN;

    /// Classifies a datagram.
    ///
    /// @param buffer datagram bytes
    /// @param offset start of the datagram
    /// @param length datagram length, 0 or more
    /// @return the class
    public static PacketClass of(byte[] buffer, int offset, int length) {
        if (length <= 0) {
            return UNKNOWN;
        }
        int first = buffer[offset] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }
}
