package com.convene.sfu.cc;

import java.util.LinkedHashMap;
import java.util.Map;

/// A reader of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1) written from the
/// draft, independent of the writer, for tests: every chunk kind (run length, one- and two-bit status vectors).
final class TransportCcFeedbackParser {

    /// What one message says.
    ///
    /// @param baseSequence    first sequence number, 0–65,535
    /// @param statusCount     statuses it carries
    /// @param feedbackCount   its 8-bit counter
    /// @param arrivalMicros   arrival time per received sequence number (unwrapped from the base), µs from the
    ///                        reference time's zero, in order
    /// @param padded          whether the P bit was set
    record Feedback(int baseSequence, int statusCount, int feedbackCount, Map<Integer, Long> arrivalMicros,
            boolean padded) {}

    private TransportCcFeedbackParser() {
    }

    static Feedback parse(byte[] buffer, int offset, int length) {
        if ((buffer[offset] & 0xC0) != 0x80 || (buffer[offset] & 0x1F) != 15 || (buffer[offset + 1] & 0xFF) != 205) {
            throw new IllegalArgumentException("not a transport-cc feedback");
        }
        int words = ((buffer[offset + 2] & 0xFF) << 8) | (buffer[offset + 3] & 0xFF);
        if ((words + 1) * 4 != length) {
            throw new IllegalArgumentException("length field " + words + " does not match " + length);
        }
        boolean padded = (buffer[offset] & 0x20) != 0;
        int end = offset + length - (padded ? buffer[offset + length - 1] & 0xFF : 0);
        int base = u16(buffer, offset + 12);
        int count = u16(buffer, offset + 14);
        long reference = ((buffer[offset + 16] & 0xFF) << 16) | ((buffer[offset + 17] & 0xFF) << 8)
                | (buffer[offset + 18] & 0xFF);
        int feedbackCount = buffer[offset + 19] & 0xFF;
        int[] statuses = new int[count];
        int position = offset + 20;
        int filled = 0;
        while (filled < count) {
            int chunk = u16(buffer, position);
            position += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >> 13) & 3;
                int run = chunk & 0x1FFF;
                for (int i = 0; i < run && filled < count; i++) {
                    statuses[filled++] = symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int i = 13; i >= 0 && filled < count; i--) {
                    statuses[filled++] = (chunk >> i) & 1;
                }
            } else {
                for (int i = 6; i >= 0 && filled < count; i--) {
                    statuses[filled++] = (chunk >> (2 * i)) & 3;
                }
            }
        }
        long time = reference * 64_000;
        Map<Integer, Long> arrivals = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (statuses[i] == 1) {
                time += (buffer[position++] & 0xFF) * 250L;
            } else if (statuses[i] == 2) {
                time += (short) u16(buffer, position) * 250L;
                position += 2;
            } else if (statuses[i] == 3) {
                throw new IllegalArgumentException("reserved status");
            } else {
                continue;
            }
            arrivals.put(base + i, time);
        }
        if (position > end) {
            throw new IllegalArgumentException("deltas run past the end");
        }
        return new Feedback(base, count, feedbackCount, arrivals, padded);
    }

    private static int u16(byte[] buffer, int at) {
        return ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
    }
}
