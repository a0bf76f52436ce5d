package com.convene.backend.storage;

import java.io.IOException;
import java.io.InputStream;

/// Reads at most `remaining` bytes of a stream; closing it closes the stream. Not thread-safe.
public final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    /// @param in        the stream, positioned at the first byte to read
    /// @param remaining bytes to read at most, ≥ 0
    public BoundedInputStream(InputStream in, long remaining) {
        this.in = in;
        this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
