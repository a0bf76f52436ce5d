package com.convene.sfu.rtcp;

/// Static, allocation-free accessors for (compound) RTCP packets (RFC 3550 §6.4, RFC 4585 §6.1).
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|  FMT/RC |       PT      |          length (words-1)     |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                  SSRC of packet sender                        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                  SSRC of media source (feedback only)         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
public final class RtcpPackets {
    /// Sender report, RFC 3550 §6.4.1.
    public static final int SR = 200;
    /// Receiver report, RFC 3550 §6.4.2.
    public static final int RR = 201;
    /// Transport-layer feedback, RFC 4585 §6.2.
    public static final int RTPFB = 205;
    /// Payload-specific feedback, RFC 4585 §6.3.
    public static final int PSFB = 206;
    /// RTPFB format of a Generic NACK, RFC 4585 §6.2.1.
    public static final int FMT_NACK = 1;
    /// PSFB format of a Picture Loss Indication, RFC 4585 §6.3.1.
    public static final int FMT_PLI = 1;
    /// PSFB format of a Full Intra Request, RFC 5104 §4.3.1.
    public static final int FMT_FIR = 4;
    /// Most consecutive lost packets one [#writeNack] names (4 FCIs).
    public static final int MAX_NACKED_IN_ONE_PACKET = 68;
    /// PLI length in bytes.
    public static final int PLI_LENGTH = 12;
    /// Length of the common feedback header (RFC 4585 §6.1) before the FCI, in bytes.
    public static final int FEEDBACK_HEADER_LENGTH = 12;

    private RtcpPackets() {
    }

    /// Whether a decrypted compound RTCP packet is well formed: every packet has version 2, a type 192–223 and a
    /// length that fits, and the lengths add up exactly.
    public static boolean isValidCompound(byte[] buffer, int offset, int length) {
        if (length < 8) {
            return false;
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (end - position < 4 || (buffer[position] & 0xC0) != 0x80) {
                return false;
            }
            int packetType = buffer[position + 1] & 0xFF;
            if (packetType < 192 || packetType > 223) {
                return false;
            }
            int packetLength = packetLength(buffer, position);
            if (packetLength < 4 || position + packetLength > end) {
                return false;
            }
            position += packetLength;
        }
        return true;
    }

    /// Length in bytes of the packet starting at `position`, from its length field.
    public static int packetLength(byte[] buffer, int position) {
        return 4 * ((((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF)) + 1);
    }

    /// Packet type, 192–223.
    public static int packetType(byte[] buffer, int position) {
        return buffer[position + 1] & 0xFF;
    }

    /// The 5-bit FMT (feedback) or RC (report count) field.
    public static int format(byte[] buffer, int position) {
        return buffer[position] & 0x1F;
    }

    /// Sender SSRC of the packet at `position` (needs 8 bytes).
    public static int senderSsrc(byte[] buffer, int position) {
        return readI32(buffer, position + 4);
    }

    /// Media source SSRC of a feedback packet (needs 12 bytes). For FIR it is zero; see [#firSsrc].
    public static int mediaSsrc(byte[] buffer, int position) {
        return readI32(buffer, position + 8);
    }

    /// The SSRC of the first FCI entry of a FIR (RFC 5104 §4.3.1.1), or 0 when absent.
    public static int firSsrc(byte[] buffer, int position) {
        return packetLength(buffer, position) >= 20 ? readI32(buffer, position + 12) : 0;
    }

    /// Writes a PLI (RFC 4585 §6.3.1) of [#PLI_LENGTH] bytes.
    public static int writePli(byte[] buffer, int offset, int senderSsrc, int mediaSsrc) {
        buffer[offset] = (byte) (0x80 | FMT_PLI);
        buffer[offset + 1] = (byte) PSFB;
        buffer[offset + 2] = 0;
        buffer[offset + 3] = 2;
        writeI32(buffer, offset + 4, senderSsrc);
        writeI32(buffer, offset + 8, mediaSsrc);
        return PLI_LENGTH;
    }

    /// How many RTP packets a Generic NACK (RFC 4585 §6.2.1) starting at `position` asks for: each 4-byte FCI
    /// names one packet id (PID) plus up to 16 following ones in its bitmask (BLP).
    ///
    /// ```
    ///  0                   1                   2                   3
    /// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    /// |            PID                |             BLP               |
    /// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    /// ```
    ///
    /// @param packetLength the packet's length in bytes, from [#packetLength]
    /// @return lost packets named, 0 or more
    public static int nackedPackets(byte[] buffer, int position, int packetLength) {
        int count = 0;
        for (int at = position + FEEDBACK_HEADER_LENGTH; at + 4 <= position + packetLength; at += 4) {
            int blp = ((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF);
            count += 1 + Integer.bitCount(blp);
        }
        return count;
    }

    /// Writes the 8-byte header of a receiver report (RFC 3550 §6.4.2) that `blocks` report blocks of 24 bytes
    /// each will follow.
    ///
    /// @param blocks 0–31
    /// @return 8
    public static int writeReceiverReportHeader(byte[] buffer, int offset, int senderSsrc, int blocks) {
        if (blocks < 0 || blocks > 31) {
            throw new IllegalArgumentException("a receiver report holds 0-31 blocks, got " + blocks);
        }
        int words = (8 + 24 * blocks) / 4 - 1;
        buffer[offset] = (byte) (0x80 | blocks);
        buffer[offset + 1] = (byte) RR;
        buffer[offset + 2] = (byte) (words >>> 8);
        buffer[offset + 3] = (byte) words;
        writeI32(buffer, offset + 4, senderSsrc);
        return 8;
    }

    /// The middle 32 bits of a sender report's NTP timestamp (RFC 3550 §6.4.1), what a receiver report's LSR
    /// echoes; the packet at `position` must be an SR of at least 28 bytes.
    public static long senderReportNtpMiddle(byte[] buffer, int position) {
        return readI32(buffer, position + 10) & 0xFFFF_FFFFL;
    }

    /// Calls `lost` with every sequence number a Generic NACK starting at `position` asks for, FCI by FCI: the PID,
    /// then PID + i for each bit i - 1 set in its BLP (RFC 4585 §6.2.1).
    ///
    /// @param packetLength the packet's length in bytes, from [#packetLength]
    public static void forEachNacked(byte[] buffer, int position, int packetLength, java.util.function.IntConsumer lost) {
        for (int at = position + FEEDBACK_HEADER_LENGTH; at + 4 <= position + packetLength; at += 4) {
            int pid = ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
            int blp = ((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF);
            lost.accept(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    lost.accept((pid + bit + 1) & 0xFFFF);
                }
            }
        }
    }

    /// Writes a Generic NACK (RFC 4585 §6.2.1) for `count` consecutive sequence numbers from `firstLost`: one FCI per
    /// 17 numbers (a PID and its 16-bit BLP).
    ///
    /// @param count 1–[#MAX_NACKED_IN_ONE_PACKET]
    /// @return bytes written: 12 + 4 per FCI
    public static int writeNack(byte[] buffer, int offset, int senderSsrc, int mediaSsrc, int firstLost, int count) {
        if (count < 1 || count > MAX_NACKED_IN_ONE_PACKET) {
            throw new IllegalArgumentException("count must be 1-" + MAX_NACKED_IN_ONE_PACKET + ", got " + count);
        }
        int fcis = (count + 16) / 17;
        int length = FEEDBACK_HEADER_LENGTH + 4 * fcis;
        buffer[offset] = (byte) (0x80 | FMT_NACK);
        buffer[offset + 1] = (byte) RTPFB;
        buffer[offset + 2] = (byte) ((length / 4 - 1) >>> 8);
        buffer[offset + 3] = (byte) (length / 4 - 1);
        writeI32(buffer, offset + 4, senderSsrc);
        writeI32(buffer, offset + 8, mediaSsrc);
        int at = offset + FEEDBACK_HEADER_LENGTH;
        for (int first = 0; first < count; first += 17) {
            int pid = (firstLost + first) & 0xFFFF;
            int blp = 0;
            for (int bit = 0; bit < 16 && first + bit + 1 < count; bit++) {
                blp |= 1 << bit;
            }
            buffer[at] = (byte) (pid >>> 8);
            buffer[at + 1] = (byte) pid;
            buffer[at + 2] = (byte) (blp >>> 8);
            buffer[at + 3] = (byte) blp;
            at += 4;
        }
        return length;
    }

    /// Reads a big-endian 32-bit value at `at`.
    public static int readI32(byte[] buffer, int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }

    static void writeI32(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
