package com.convene.sfu.rtp;

/// Finds an RTP header extension element by its negotiated id (RFC 8285: one-byte §4.2 and two-byte §4.3 forms
/// inside the RFC 3550 §5.3.1 extension block). Allocation-free.
public final class HeaderExtensions {
    /// "defined by profile" value of the one-byte form (RFC 8285 §4.2).
    static final int ONE_BYTE_PROFILE = 0xBEDE;
    /// The two-byte form's profile with its 4 app bits masked off (RFC 8285 §4.3).
    static final int TWO_BYTE_PROFILE = 0x1000;

    private HeaderExtensions() {
    }

    /// The offset of the data of the extension element with `id` in an RTP packet, or -1 when the packet has no
    /// such element or its extension block is malformed.
    ///
    /// @param buffer the clear RTP packet
    /// @param offset where it starts
    /// @param length its length, bytes
    /// @param id     the negotiated id, 1–14 (one-byte form) or 1–255 (two-byte form)
    /// @return the data's offset in `buffer`, or -1
    public static int find(byte[] buffer, int offset, int length, int id) {
        if (id <= 0 || length < RtpHeader.FIXED_LENGTH || (buffer[offset] & 0x10) == 0) {
            return -1;
        }
        int position = offset + RtpHeader.FIXED_LENGTH + 4 * (buffer[offset] & 0x0F);
        int end = offset + length;
        if (position + 4 > end) {
            return -1;
        }
        int profile = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        int blockEnd = position + 4 + 4 * (((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF));
        if (blockEnd > end) {
            return -1;
        }
        position += 4;
        if (profile == ONE_BYTE_PROFILE) {
            while (position < blockEnd) {
                int elementId = (buffer[position] & 0xF0) >>> 4;
                if (elementId == 0) {
                    position++; // padding byte
                    continue;
                }
                if (elementId == 15) {
                    return -1; // reserved: stop (RFC 8285 §4.2)
                }
                int dataLength = (buffer[position] & 0x0F) + 1;
                if (position + 1 + dataLength > blockEnd) {
                    return -1;
                }
                if (elementId == id) {
                    return position + 1;
                }
                position += 1 + dataLength;
            }
        } else if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
            while (position < blockEnd) {
                int elementId = buffer[position] & 0xFF;
                if (elementId == 0) {
                    position++;
                    continue;
                }
                if (position + 2 > blockEnd) {
                    return -1;
                }
                int dataLength = buffer[position + 1] & 0xFF;
                if (position + 2 + dataLength > blockEnd) {
                    return -1;
                }
                if (elementId == id) {
                    return position + 2;
                }
                position += 2 + dataLength;
            }
        }
        return -1;
    }
}
