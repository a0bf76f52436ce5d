package com.convene.sfu.rtp;

/// Static, allocation-free accessors for an RTP fixed header in a byte buffer (RFC 3550 §5.1).
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers             |
/// |                             ....                              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
public final class RtpHeader {
    /// Fixed header length in bytes.
    public static final int FIXED_LENGTH = 12;

    private RtpHeader() {
    }

    /// Whether an RTP/RTCP-range datagram is RTCP (RFC 5761 §4: second byte 192–223 is an RTCP packet type).
    public static boolean isRtcp(byte[] buffer, int offset, int length) {
        if (length < 2) {
            return false;
        }
        int packetType = buffer[offset + 1] & 0xFF;
        return packetType >= 192 && packetType <= 223;
    }

    /// The length of the full header (fixed, CSRCs and extension), or -1 when the header is malformed or does not
    /// fit in `length` bytes.
    public static int headerLength(byte[] buffer, int offset, int length) {
        if (length < FIXED_LENGTH || (buffer[offset] & 0xC0) != 0x80) {
            return -1;
        }
        int headerLength = FIXED_LENGTH + 4 * (buffer[offset] & 0x0F);
        if ((buffer[offset] & 0x10) != 0) {
            if (length < headerLength + 4) {
                return -1;
            }
            int words = ((buffer[offset + headerLength + 2] & 0xFF) << 8) | (buffer[offset + headerLength + 3] & 0xFF);
            headerLength += 4 + 4 * words;
        }
        return headerLength <= length ? headerLength : -1;
    }

    /// Whether a decrypted RTP packet is well formed, including its padding (RFC 3550 §5.1, P bit).
    public static boolean isValid(byte[] buffer, int offset, int length) {
        int headerLength = headerLength(buffer, offset, length);
        if (headerLength < 0) {
            return false;
        }
        if ((buffer[offset] & 0x20) != 0) {
            int padding = buffer[offset + length - 1] & 0xFF;
            return padding > 0 && headerLength + padding <= length;
        }
        return true;
    }

    /// Payload type, 0–127.
    public static int payloadType(byte[] buffer, int offset) {
        return buffer[offset + 1] & 0x7F;
    }

    /// Sequence number, 0–65,535.
    public static int sequenceNumber(byte[] buffer, int offset) {
        return ((buffer[offset + 2] & 0xFF) << 8) | (buffer[offset + 3] & 0xFF);
    }

    /// RTP timestamp, 0–2^32-1.
    public static long timestamp(byte[] buffer, int offset) {
        return readI32(buffer, offset + 4) & 0xFFFF_FFFFL;
    }

    /// SSRC, unsigned 32 bits in an int.
    public static int ssrc(byte[] buffer, int offset) {
        return readI32(buffer, offset + 8);
    }

    /// The offset after the payload: the packet's end minus its padding (RFC 3550 §5.1, P bit). Only for packets
    /// [#isValid] accepted.
    public static int payloadEnd(byte[] buffer, int offset, int length) {
        return (buffer[offset] & 0x20) != 0 ? offset + length - (buffer[offset + length - 1] & 0xFF) : offset + length;
    }

    /// Whether the marker bit is set (for video, the last packet of a frame; RFC 7741 §4.1).
    public static boolean marker(byte[] buffer, int offset) {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    /// Overwrites the sequence number.
    public static void writeSequenceNumber(byte[] buffer, int offset, int sequenceNumber) {
        buffer[offset + 2] = (byte) (sequenceNumber >> 8);
        buffer[offset + 3] = (byte) sequenceNumber;
    }

    /// Overwrites the timestamp (32 bits, unsigned, in the codec's clock).
    public static void writeTimestamp(byte[] buffer, int offset, long timestamp) {
        writeI32(buffer, offset + 4, (int) timestamp);
    }

    /// Overwrites the SSRC.
    public static void writeSsrc(byte[] buffer, int offset, int ssrc) {
        writeI32(buffer, offset + 8, ssrc);
    }

    private static void writeI32(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    static int readI32(byte[] buffer, int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }
}
