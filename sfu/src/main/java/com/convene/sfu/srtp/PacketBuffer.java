package com.convene.sfu.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/// A reusable packet buffer that jitsi-srtp transforms in place. Owned by whoever holds it (STYLE.md §4); confined
/// to one thread.
public final class PacketBuffer implements ByteArrayBuffer {
    /// Capacity for one datagram plus an SRTP/SRTCP trailer.
    public static final int CAPACITY = 1600;

    private byte[] buffer = new byte[CAPACITY];
    private int offset;
    private int length;

    /// Copies `length` bytes into this buffer at offset 0.
    public PacketBuffer copyFrom(byte[] source, int sourceOffset, int length) {
        if (length > buffer.length) {
            buffer = new byte[length + 64];
        }
        System.arraycopy(source, sourceOffset, buffer, 0, length);
        this.offset = 0;
        this.length = length;
        return this;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int regionOffset, int regionLength, byte[] destination) {
        System.arraycopy(buffer, offset + regionOffset, destination, 0, regionLength);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch < 0) {
            throw new IllegalArgumentException("negative growth");
        }
        if (offset + length + howMuch > buffer.length) {
            byte[] bigger = new byte[offset + length + howMuch];
            System.arraycopy(buffer, offset, bigger, offset, length);
            buffer = bigger;
        }
    }

    @Override
    public void append(byte[] data, int dataLength) {
        grow(dataLength);
        System.arraycopy(data, 0, buffer, offset + length, dataLength);
        length += dataLength;
    }

    @Override
    public void shrink(int howMuch) {
        length = Math.max(0, length - howMuch);
    }
}
