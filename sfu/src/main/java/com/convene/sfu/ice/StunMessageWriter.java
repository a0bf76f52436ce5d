package com.convene.sfu.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;

/// Writes one STUN message (RFC 8489 §5) into a reusable buffer: header, attributes, then optionally
/// MESSAGE-INTEGRITY and FINGERPRINT, which must come last in that order. Not thread-safe.
public final class StunMessageWriter {
    private final byte[] buffer;
    private int position;
    private final CRC32 crc = new CRC32();

    /// Creates a writer with a 1,280-byte buffer, enough for any ICE message.
    public StunMessageWriter() {
        this.buffer = new byte[1280];
    }

    /// Starts a message: writes the header with a zero length.
    ///
    /// @param messageType    14-bit message type
    /// @param transactionId  the 12-byte transaction id
    /// @return this writer
    public StunMessageWriter start(int messageType, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        position = 0;
        writeU16(messageType);
        writeU16(0);
        writeI32(StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, buffer, 8, 12);
        position = StunMessage.HEADER_LENGTH;
        return this;
    }

    /// Adds an attribute with raw value bytes, padded with zeros to 4 bytes.
    public StunMessageWriter attribute(int type, byte[] value) {
        writeU16(type);
        writeU16(value.length);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        while ((position & 3) != 0) {
            buffer[position++] = 0;
        }
        updateLength();
        return this;
    }

    /// Adds a UTF-8 string attribute such as USERNAME or SOFTWARE.
    public StunMessageWriter attribute(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /// Adds XOR-MAPPED-ADDRESS (RFC 8489 §14.2) for an IPv4 or IPv6 address.
    public StunMessageWriter xorMappedAddress(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        byte[] raw = ip.getAddress();
        byte[] value = new byte[4 + raw.length];
        value[1] = (byte) (raw.length == 4 ? 0x01 : 0x02);
        int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
        value[2] = (byte) (port >>> 8);
        value[3] = (byte) port;
        for (int i = 0; i < raw.length; i++) {
            // the cookie then the transaction id, which sits right after it in the header
            value[4 + i] = (byte) (raw[i] ^ buffer[4 + i]);
        }
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS, value);
    }

    /// Adds MESSAGE-INTEGRITY computed with a Mac keyed with the short-term password (RFC 8489 §14.5).
    public StunMessageWriter messageIntegrity(Mac hmacSha1) {
        int attributeStart = position;
        position += 24;
        updateLength();
        hmacSha1.reset();
        hmacSha1.update(buffer, 0, attributeStart);
        byte[] mac = hmacSha1.doFinal();
        position = attributeStart;
        writeU16(StunAttributeType.MESSAGE_INTEGRITY);
        writeU16(20);
        System.arraycopy(mac, 0, buffer, position, 20);
        position += 20;
        return this;
    }

    /// Adds FINGERPRINT (RFC 8489 §14.7); must be the last attribute.
    public StunMessageWriter fingerprint() {
        int attributeStart = position;
        position += 8;
        updateLength();
        crc.reset();
        crc.update(buffer, 0, attributeStart);
        int value = (int) crc.getValue() ^ StunMessage.FINGERPRINT_XOR;
        position = attributeStart;
        writeU16(StunAttributeType.FINGERPRINT);
        writeU16(4);
        writeI32(value);
        return this;
    }

    /// The buffer holding the message; valid for [#length()] bytes until the next [#start].
    public byte[] buffer() {
        return buffer;
    }

    /// The message length in bytes.
    public int length() {
        return position;
    }

    /// A copy of the message bytes.
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    private void updateLength() {
        int bodyLength = position - StunMessage.HEADER_LENGTH;
        buffer[2] = (byte) (bodyLength >>> 8);
        buffer[3] = (byte) bodyLength;
    }

    private void writeU16(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void writeI32(int value) {
        writeU16(value >>> 16);
        writeU16(value & 0xFFFF);
    }
}
