package com.convene.sfu.srtp;

import org.jspecify.annotations.Nullable;

/// A small SSRC-keyed table with linear lookup: no boxing on the packet path, and a hard size cap.
final class SsrcTable<T> {
    private final int[] ssrcs;
    private final Object[] values;
    private int size;

    SsrcTable(int capacity) {
        this.ssrcs = new int[capacity];
        this.values = new Object[capacity];
    }

    @SuppressWarnings("unchecked")
    @Nullable T get(int ssrc) {
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                return (T) values[i];
            }
        }
        return null;
    }

    boolean put(int ssrc, T value) {
        if (size == ssrcs.length) {
            return false;
        }
        ssrcs[size] = ssrc;
        values[size] = value;
        size++;
        return true;
    }
}
