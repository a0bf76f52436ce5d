package com.convene.sfu.rtp;

/// Static, allocation-free access to the VP8 payload descriptor at the start of an RTP payload (RFC 7741 §4.2),
/// and the key-frame bit of the VP8 payload header (RFC 7741 §4.3, RFC 6386 §9.1).
///
/// ```
///       0 1 2 3 4 5 6 7
///      +-+-+-+-+-+-+-+-+
///      |X|R|N|S|R| PID | (REQUIRED)
///      +-+-+-+-+-+-+-+-+
/// X:   |I|L|T|K| RSV   | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// I:   |M| PictureID   | (OPTIONAL, 7 bits, or 15 bits with M)
///      +-+-+-+-+-+-+-+-+
///      |   PictureID   |
///      +-+-+-+-+-+-+-+-+
/// L:   |   TL0PICIDX   | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// T/K: |TID|Y| KEYIDX  | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// ```
///
/// `payload` is the offset of the RTP payload (after the RTP header), `end` the offset after it (before padding).
/// Every method returns -1 (or false) for a descriptor that does not fit.
public final class Vp8Descriptor {

    private Vp8Descriptor() {
    }

    /// The length of the payload descriptor in bytes, or -1 when it does not fit before `end`.
    public static int length(byte[] buffer, int payload, int end) {
        if (payload >= end) {
            return -1;
        }
        int length = 1;
        if ((buffer[payload] & 0x80) != 0) {
            if (payload + 1 >= end) {
                return -1;
            }
            int extension = buffer[payload + 1] & 0xFF;
            length++;
            if ((extension & 0x80) != 0) {
                if (payload + length >= end) {
                    return -1;
                }
                length += (buffer[payload + length] & 0x80) != 0 ? 2 : 1;
            }
            if ((extension & 0x40) != 0) {
                length++;
            }
            if ((extension & 0x30) != 0) {
                length++;
            }
        }
        return payload + length <= end ? length : -1;
    }

    /// Whether the packet starts a VP8 partition 0 of a frame (S=1, PID=0).
    public static boolean startsFrame(byte[] buffer, int payload, int end) {
        return payload < end && (buffer[payload] & 0x10) != 0 && (buffer[payload] & 0x07) == 0;
    }

    /// Whether the packet starts a key frame: it starts a frame and the VP8 payload header's P bit is 0
    /// (RFC 7741 §4.3: "inverse key frame flag").
    public static boolean startsKeyFrame(byte[] buffer, int payload, int end) {
        if (!startsFrame(buffer, payload, end)) {
            return false;
        }
        int descriptor = length(buffer, payload, end);
        return descriptor > 0 && payload + descriptor < end && (buffer[payload + descriptor] & 0x01) == 0;
    }

    /// The offset of the picture id, or -1 when absent.
    public static int pictureIdOffset(byte[] buffer, int payload, int end) {
        if (length(buffer, payload, end) < 0 || (buffer[payload] & 0x80) == 0 || (buffer[payload + 1] & 0x80) == 0) {
            return -1;
        }
        return payload + 2;
    }

    /// Whether the picture id at `at` is the 15-bit form (M bit).
    public static boolean longPictureId(byte[] buffer, int at) {
        return (buffer[at] & 0x80) != 0;
    }

    /// The picture id at `at`: 15 or 7 bits.
    public static int pictureId(byte[] buffer, int at) {
        return longPictureId(buffer, at) ? ((buffer[at] & 0x7F) << 8) | (buffer[at + 1] & 0xFF) : buffer[at] & 0x7F;
    }

    /// Writes a picture id at `at` in the form already there (15 or 7 bits; the value is masked to fit).
    public static void writePictureId(byte[] buffer, int at, int pictureId) {
        if (longPictureId(buffer, at)) {
            buffer[at] = (byte) (0x80 | ((pictureId >> 8) & 0x7F));
            buffer[at + 1] = (byte) pictureId;
        } else {
            buffer[at] = (byte) (pictureId & 0x7F);
        }
    }

    /// The offset of TL0PICIDX, or -1 when absent.
    public static int tl0PicIdxOffset(byte[] buffer, int payload, int end) {
        if (length(buffer, payload, end) < 0 || (buffer[payload] & 0x80) == 0) {
            return -1;
        }
        int extension = buffer[payload + 1] & 0xFF;
        if ((extension & 0x40) == 0) {
            return -1;
        }
        int at = payload + 2;
        if ((extension & 0x80) != 0) {
            at += (buffer[at] & 0x80) != 0 ? 2 : 1;
        }
        return at;
    }
}
