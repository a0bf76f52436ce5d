package com.convene.sfu.rtp;

/// Builds RTX retransmission packets (RFC 4588 §4): the original header with the RTX payload type, SSRC and the
/// RTX stream's own sequence number, then the original sequence number (OSN, 2 bytes) before the original payload.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         RTP Header                            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |            OSN                |                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
/// |                  Original RTP Packet Payload                  |
/// ```
public final class RtxPackets {
    /// Bytes an RTX packet adds to the original (the OSN).
    public static final int OVERHEAD = 2;

    private RtxPackets() {
    }

    /// Writes the RTX form of a clear RTP packet into `target` from index 0.
    ///
    /// @param original          the clear packet, from index 0
    /// @param length            its length, bytes
    /// @param rtxPayloadType    the RTX payload type (0–127)
    /// @param rtxSsrc           the RTX stream's SSRC
    /// @param rtxSequenceNumber the RTX stream's next sequence number, 0–65,535
    /// @return the RTX packet's length (`length` + [#OVERHEAD]), or -1 when the header is malformed or `target`
    ///         too small
    public static int write(byte[] original, int length, int rtxPayloadType, int rtxSsrc, int rtxSequenceNumber,
            byte[] target) {
        int header = RtpHeader.headerLength(original, 0, length);
        if (header < 0 || length + OVERHEAD > target.length) {
            return -1;
        }
        System.arraycopy(original, 0, target, 0, header);
        target[1] = (byte) ((original[1] & 0x80) | (rtxPayloadType & 0x7F));
        target[2] = (byte) (rtxSequenceNumber >>> 8);
        target[3] = (byte) rtxSequenceNumber;
        target[8] = (byte) (rtxSsrc >>> 24);
        target[9] = (byte) (rtxSsrc >>> 16);
        target[10] = (byte) (rtxSsrc >>> 8);
        target[11] = (byte) rtxSsrc;
        target[header] = original[2];
        target[header + 1] = original[3];
        System.arraycopy(original, header, target, header + OVERHEAD, length - header);
        return length + OVERHEAD;
    }
}
