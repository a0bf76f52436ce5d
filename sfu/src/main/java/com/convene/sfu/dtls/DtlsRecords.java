package com.convene.sfu.dtls;

/// Validates DTLS record framing before a datagram reaches the handshake thread (RFC 6347 §4.1).
///
/// ```
/// +--------+---------+--------+------------------+--------+----------+
/// | type 1 | version 2 | epoch 2 | sequence_number 6 | length 2 | fragment |
/// +--------+---------+--------+------------------+--------+----------+
/// ```
public final class DtlsRecords {
    /// Record header length in bytes.
    public static final int HEADER_LENGTH = 13;

    private DtlsRecords() {
    }

    /// Whether the datagram is a sequence of whole DTLS 1.0/1.2 records (major version 0xFE) that fill it exactly.
    public static boolean isWellFormed(byte[] buffer, int offset, int length) {
        if (length < HEADER_LENGTH) {
            return false;
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (end - position < HEADER_LENGTH) {
                return false;
            }
            int contentType = buffer[position] & 0xFF;
            if (contentType < 20 || contentType > 63 || (buffer[position + 1] & 0xFF) != 0xFE) {
                return false;
            }
            int fragmentLength = ((buffer[position + 11] & 0xFF) << 8) | (buffer[position + 12] & 0xFF);
            position += HEADER_LENGTH + fragmentLength;
            if (position > end) {
                return false;
            }
        }
        return true;
    }
}
