package com.convene.sfu.ice;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.crypto.Mac;

/// A reusable, allocation-free view of one STUN message (RFC 8489 §5) inside a caller's buffer.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |0 0|     STUN Message Type     |         Message Length        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Magic Cookie                          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                     Transaction ID (96 bits)                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
///
/// [#parse] keeps references into the buffer; the buffer must not change while the view is used. Not thread-safe:
/// confined to the socket event loop, one instance per loop.
public final class StunMessage {
    /// The fixed magic cookie, RFC 8489 §5.
    public static final int MAGIC_COOKIE = 0x2112A442;
    /// FINGERPRINT XOR constant, RFC 8489 §14.7.
    public static final int FINGERPRINT_XOR = 0x5354554E;
    /// Binding request message type, RFC 8489 §18.2.
    public static final int BINDING_REQUEST = 0x0001;
    /// Binding success response message type.
    public static final int BINDING_SUCCESS = 0x0101;
    /// Binding error response message type.
    public static final int BINDING_ERROR = 0x0111;
    /// Header size in bytes.
    public static final int HEADER_LENGTH = 20;

    private static final int MAX_ATTRIBUTES = 32;

    private byte[] buffer = new byte[0];
    private int offset;
    private int length;
    private int messageType;
    private int attributeCount;
    private final int[] attributeTypes = new int[MAX_ATTRIBUTES];
    private final int[] attributeValueOffsets = new int[MAX_ATTRIBUTES];
    private final int[] attributeValueLengths = new int[MAX_ATTRIBUTES];
    private int integrityIndex = -1;
    private int fingerprintIndex = -1;
    private final CRC32 crc = new CRC32();

    /// Parses the header and attribute list of `length` bytes at `offset`.
    ///
    /// @return false when the datagram is not a well-formed STUN message; the view is then unusable
    public boolean parse(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        attributeCount = 0;
        integrityIndex = -1;
        fingerprintIndex = -1;
        if (length < HEADER_LENGTH || offset < 0 || offset + length > buffer.length) {
            return false;
        }
        messageType = readU16(offset);
        if ((messageType & 0xC000) != 0) {
            return false;
        }
        int bodyLength = readU16(offset + 2);
        if ((bodyLength & 3) != 0 || HEADER_LENGTH + bodyLength != length) {
            return false;
        }
        if (readI32(offset + 4) != MAGIC_COOKIE) {
            return false;
        }
        int position = offset + HEADER_LENGTH;
        int end = offset + length;
        while (position < end) {
            if (end - position < 4 || attributeCount == MAX_ATTRIBUTES) {
                return false;
            }
            int type = readU16(position);
            int valueLength = readU16(position + 2);
            int padded = (valueLength + 3) & ~3;
            if (position + 4 + padded > end) {
                return false;
            }
            if (fingerprintIndex >= 0) {
                return false; // RFC 8489 §14.7: FINGERPRINT is last
            }
            if (type == StunAttributeType.MESSAGE_INTEGRITY) {
                if (valueLength != 20 || integrityIndex >= 0) {
                    return false;
                }
                integrityIndex = attributeCount;
            } else if (type == StunAttributeType.FINGERPRINT) {
                if (valueLength != 4) {
                    return false;
                }
                fingerprintIndex = attributeCount;
            }
            attributeTypes[attributeCount] = type;
            attributeValueOffsets[attributeCount] = position + 4;
            attributeValueLengths[attributeCount] = valueLength;
            attributeCount++;
            position += 4 + padded;
        }
        return true;
    }

    /// The message type, 14 bits (method and class, RFC 8489 §5).
    public int messageType() {
        return messageType;
    }

    /// Copies the 12-byte transaction id into `destination` at `destinationOffset`.
    public void copyTransactionId(byte[] destination, int destinationOffset) {
        System.arraycopy(buffer, offset + 8, destination, destinationOffset, 12);
    }

    /// Whether the attribute is present (before MESSAGE-INTEGRITY, or FINGERPRINT/MESSAGE-INTEGRITY itself).
    public boolean has(int attributeType) {
        return indexOf(attributeType) >= 0;
    }

    /// The USERNAME decoded as UTF-8, or null when absent. Allocates; STUN runs at a few packets per second.
    public @org.jspecify.annotations.Nullable String username() {
        int index = indexOf(StunAttributeType.USERNAME);
        if (index < 0) {
            return null;
        }
        return new String(buffer, attributeValueOffsets[index], attributeValueLengths[index], StandardCharsets.UTF_8);
    }

    /// Whether a MESSAGE-INTEGRITY attribute is present.
    public boolean hasMessageIntegrity() {
        return integrityIndex >= 0;
    }

    /// Whether a FINGERPRINT attribute is present.
    public boolean hasFingerprint() {
        return fingerprintIndex >= 0;
    }

    /// Verifies FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to the attribute, XOR 0x5354554e.
    ///
    /// @return true when present and correct
    public boolean verifyFingerprint() {
        if (fingerprintIndex < 0) {
            return false;
        }
        int attributeStart = attributeValueOffsets[fingerprintIndex] - 4;
        crc.reset();
        crc.update(buffer, offset, attributeStart - offset);
        int expected = (int) crc.getValue() ^ FINGERPRINT_XOR;
        return expected == readI32(attributeValueOffsets[fingerprintIndex]);
    }

    /// Verifies MESSAGE-INTEGRITY (RFC 8489 §14.5) with a Mac already keyed with the short-term password.
    ///
    /// The HMAC covers the message up to the attribute with the header length adjusted to end after it.
    ///
    /// @param hmacSha1 HMAC-SHA1 keyed with the local ice-pwd; reset by this call
    /// @return true when present and correct
    public boolean verifyMessageIntegrity(Mac hmacSha1) {
        if (integrityIndex < 0) {
            return false;
        }
        int valueOffset = attributeValueOffsets[integrityIndex];
        int attributeStart = valueOffset - 4;
        int adjustedLength = attributeStart + 24 - offset - HEADER_LENGTH;
        hmacSha1.reset();
        hmacSha1.update(buffer, offset, 2);
        hmacSha1.update((byte) (adjustedLength >>> 8));
        hmacSha1.update((byte) adjustedLength);
        hmacSha1.update(buffer, offset + 4, attributeStart - offset - 4);
        byte[] mac = hmacSha1.doFinal();
        int diff = 0;
        for (int i = 0; i < 20; i++) {
            diff |= mac[i] ^ buffer[valueOffset + i];
        }
        return diff == 0;
    }

    private int indexOf(int attributeType) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeTypes[i] == attributeType) {
                return i;
            }
            if (i == integrityIndex) {
                return -1; // RFC 8489 §14.5: attributes after MESSAGE-INTEGRITY are ignored
            }
        }
        return -1;
    }

    /// The offset of an attribute's value in the buffer, or -1.
    public int valueOffset(int attributeType) {
        int index = indexOf(attributeType);
        return index < 0 ? -1 : attributeValueOffsets[index];
    }

    /// The length of an attribute's value, or -1.
    public int valueLength(int attributeType) {
        int index = indexOf(attributeType);
        return index < 0 ? -1 : attributeValueLengths[index];
    }

    private int readU16(int at) {
        return ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
    }

    private int readI32(int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }
}
