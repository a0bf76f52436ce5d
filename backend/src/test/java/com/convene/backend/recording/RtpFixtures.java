package com.convene.backend.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// RTP as libwebrtc sends it, for feeding the recorder in tests and in the recording benchmark (bench module,
/// through the backend's test jar): VP8 frames split per RFC 7741, and IVF files read into frames.
final class RtpFixtures {
    private RtpFixtures() {
    }

    /// Splits a frame into RTP packets of at most 1,000 payload bytes with an extended descriptor carrying a
    /// 15-bit PictureID (X=1, I=1, M=1), S=1 on the first, the marker bit on the last (RFC 7741 §4.2).
    static List<byte[]> packetizeVp8(byte[] frame, int firstSequence, long rtpTimestamp, int pictureId) {
        List<byte[]> packets = new ArrayList<>();
        int offset = 0;
        int sequence = firstSequence;
        while (offset < frame.length) {
            int chunk = Math.min(1000, frame.length - offset);
            boolean first = offset == 0;
            boolean last = offset + chunk == frame.length;
            byte[] payload = new byte[4 + chunk];
            payload[0] = (byte) (0x80 | (first ? 0x10 : 0));
            payload[1] = (byte) 0x80;
            payload[2] = (byte) (0x80 | ((pictureId >> 8) & 0x7F));
            payload[3] = (byte) pictureId;
            System.arraycopy(frame, offset, payload, 4, chunk);
            packets.add(rtp(96, sequence, rtpTimestamp, last, payload));
            sequence = (sequence + 1) & 0xFFFF;
            offset += chunk;
        }
        return packets;
    }

    static byte[] rtp(int payloadType, int sequence, long timestamp, boolean marker, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence)
                .putInt((int) timestamp).putInt(0x11223344).put(payload);
        return b.array();
    }

    /// Frames of an IVF file: a 32-byte header, then per frame a 12-byte header (size, timestamp) and the data.
    static List<byte[]> readIvf(Path ivf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ivf)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(32);
        List<byte[]> frames = new ArrayList<>();
        while (b.remaining() >= 12) {
            int size = b.getInt();
            b.getLong();
            byte[] frame = new byte[size];
            b.get(frame);
            frames.add(frame);
        }
        return frames;
    }
}
