package com.convene.backend.recording;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Reassembles VP8 frames from RTP payloads (RFC 7741) so they can be muxed without decoding.
///
/// Payload descriptor (RFC 7741 §4.2), before each packet's slice of the frame:
/// ```
///       0 1 2 3 4 5 6 7
///      +-+-+-+-+-+-+-+-+
///      |X|R|N|S|R| PID | (REQUIRED)
///      +-+-+-+-+-+-+-+-+
/// X:   |I|L|T|K| RSV   | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// I:   |M| PictureID   | (OPTIONAL, 7 or 15 bits)
///      +-+-+-+-+-+-+-+-+
/// L:   |   TL0PICIDX   | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// T/K: |TID|Y| KEYIDX  | (OPTIONAL)
///      +-+-+-+-+-+-+-+-+
/// ```
/// A frame starts in the packet with S=1 and PID=0, spans packets of one RTP timestamp and ends at the marker
/// bit. Its first payload byte is the VP8 frame tag (RFC 6386 §9.1), whose lowest bit P is 0 for a key frame
/// (RFC 7741 §4.3). A key frame's tag is followed by the start code `9d 01 2a` and the 14-bit width and height.
///
/// Loss (a sequence gap inside or between frames) drops the damaged frame and waits for the next key frame, since
/// later inter frames would reference what was lost; [#needsKeyFrame] tells the caller to ask for one. Nothing
/// waits for reordering: libwebrtc over a LAN rarely reorders, and a late packet only costs one frame.
///
/// Confined to one thread (the recording tap's consumer). Reuses its frame buffer: a returned frame is valid until
/// the next [#push].
final class Vp8Depacketizer {
    /// Largest frame accepted, in bytes (a 1080p key frame at high quality stays well below).
    static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    /// A complete frame.
    ///
    /// @param data         buffer holding the frame at offset 0 (reused; copy to keep)
    /// @param length       frame length in bytes
    /// @param keyFrame     whether it is a key frame
    /// @param rtpTimestamp its RTP timestamp (90 kHz), unsigned 32 bits in a long
    /// @param width        key frames: width in pixels, 1–16,383; else 0
    /// @param height       key frames: height in pixels, 1–16,383; else 0
    record Frame(byte[] data, int length, boolean keyFrame, long rtpTimestamp, int width, int height) {}

    private byte[] frame = new byte[64 * 1024];
    private int frameLength;
    private boolean inFrame;
    private boolean frameDamaged;
    private long frameTimestamp;
    private int lastSequence = -1;
    private boolean waitingForKeyFrame = true;
    private long framesDropped;
    private long malformedPackets;

    /// Whether the depacketizer discards frames until a key frame arrives (at start and after loss).
    boolean needsKeyFrame() {
        return waitingForKeyFrame;
    }

    /// Frames discarded because of loss or while waiting for a key frame.
    long framesDropped() {
        return framesDropped;
    }

    /// Packets whose payload descriptor did not parse.
    long malformedPackets() {
        return malformedPackets;
    }

    /// Feeds one packet's payload.
    ///
    /// @param payload        buffer
    /// @param offset         start of the payload (after the RTP header)
    /// @param length         payload length in bytes, padding excluded
    /// @param sequenceNumber RTP sequence number, 0–65,535
    /// @param rtpTimestamp   RTP timestamp, unsigned 32 bits
    /// @param marker         the RTP marker bit (last packet of a frame)
    /// @return the frame this packet completed, or null
    @Nullable Frame push(byte[] payload, int offset, int length, int sequenceNumber, long rtpTimestamp,
            boolean marker) {
        boolean gap = lastSequence >= 0 && sequenceNumber != ((lastSequence + 1) & 0xFFFF);
        if (lastSequence >= 0 && isOlder(sequenceNumber, lastSequence)) {
            return null; // duplicate or late: its frame was already closed
        }
        lastSequence = sequenceNumber;
        int descriptor = descriptorLength(payload, offset, length);
        if (descriptor < 0 || descriptor >= length) {
            malformedPackets++;
            damage();
            return null;
        }
        boolean start = (payload[offset] & 0x10) != 0 && (payload[offset] & 0x07) == 0;
        if (gap) {
            damage();
        }
        if (start) {
            if (inFrame) {
                damage(); // the previous frame never saw its marker
            }
            inFrame = true;
            frameDamaged = false;
            frameTimestamp = rtpTimestamp;
            frameLength = 0;
        } else if (!inFrame || rtpTimestamp != frameTimestamp) {
            inFrame = false;
            return null;
        }
        if (!frameDamaged && !append(payload, offset + descriptor, length - descriptor)) {
            frameDamaged = true;
        }
        if (!marker) {
            return null;
        }
        inFrame = false;
        if (frameDamaged || frameLength < 3) {
            framesDropped++;
            waitingForKeyFrame = true;
            return null;
        }
        boolean keyFrame = (frame[0] & 0x01) == 0;
        if (!keyFrame && waitingForKeyFrame) {
            framesDropped++;
            return null;
        }
        int width = 0;
        int height = 0;
        if (keyFrame) {
            if (frameLength < 10 || (frame[3] & 0xFF) != 0x9d || (frame[4] & 0xFF) != 0x01
                    || (frame[5] & 0xFF) != 0x2a) {
                framesDropped++;
                waitingForKeyFrame = true;
                return null;
            }
            width = ((frame[6] & 0xFF) | (frame[7] & 0xFF) << 8) & 0x3FFF;
            height = ((frame[8] & 0xFF) | (frame[9] & 0xFF) << 8) & 0x3FFF;
            waitingForKeyFrame = false;
        }
        return new Frame(frame, frameLength, keyFrame, frameTimestamp, width, height);
    }

    /// Length of the payload descriptor at `offset`, or -1 when it does not fit in `length` bytes.
    static int descriptorLength(byte[] payload, int offset, int length) {
        if (length < 1) {
            return -1;
        }
        int size = 1;
        if ((payload[offset] & 0x80) != 0) {
            if (length < 2) {
                return -1;
            }
            int extension = payload[offset + 1] & 0xFF;
            size = 2;
            if ((extension & 0x80) != 0) { // I: PictureID, 15 bits when M is set
                if (length < size + 1) {
                    return -1;
                }
                size += (payload[offset + size] & 0x80) != 0 ? 2 : 1;
            }
            if ((extension & 0x40) != 0) { // L: TL0PICIDX
                size++;
            }
            if ((extension & 0x30) != 0) { // T or K: TID/Y/KEYIDX
                size++;
            }
        }
        return size <= length ? size : -1;
    }

    private void damage() {
        if (inFrame) {
            frameDamaged = true;
        }
        waitingForKeyFrame = true;
    }

    private boolean append(byte[] source, int offset, int length) {
        if (frameLength + length > MAX_FRAME_BYTES) {
            return false;
        }
        if (frameLength + length > frame.length) {
            frame = Arrays.copyOf(frame, Math.max(frame.length * 2, frameLength + length));
        }
        System.arraycopy(source, offset, frame, frameLength, length);
        frameLength += length;
        return true;
    }

    private static boolean isOlder(int sequence, int reference) {
        int delta = (sequence - reference) & 0xFFFF;
        return delta == 0 || delta > 0x8000;
    }
}
