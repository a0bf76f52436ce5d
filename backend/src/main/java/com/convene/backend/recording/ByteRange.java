package com.convene.backend.recording;

import com.convene.backend.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/// One byte range of a `Range: bytes=…` request header (RFC 9110 §14.1.2), resolved against a file size.
///
/// Public for the installer downloads of `update`; an unsatisfiable range of any controller becomes 416 through
/// [RangeNotSatisfiableHandler].
///
/// @param first first byte, 0 to size - 1
/// @param last  last byte, inclusive, first to size - 1
public record ByteRange(long first, long last) {

    /// Bytes in the range.
    public long length() {
        return last - first + 1;
    }

    /// The `Content-Range` value (RFC 9110 §14.4), e.g. `bytes 0-99/1000`.
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /// Parses a `Range` header for a file of `size` bytes.
    ///
    /// @param header the header value, or null
    /// @param size   file size in bytes, 0 or more
    /// @return the range, or null to send the whole file (no header, another unit, or several ranges, which a
    ///         server may ignore per RFC 9110 §14.2)
    /// @throws Unsatisfiable when the single range lies outside the file or is malformed
    public static @Nullable ByteRange parse(@Nullable String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new Unsatisfiable(size);
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) { // suffix: the last N bytes
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first < 0 || first >= size || last < first) {
                throw new Unsatisfiable(size);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(size);
        }
    }

    /// A range the file cannot satisfy: 416 with `Content-Range: bytes */size` (RFC 9110 §15.5.17).
    public static final class Unsatisfiable extends RecordingException {
        private final long size;

        Unsatisfiable(long size) {
            super(ProblemType.RANGE_NOT_SATISFIABLE, "The requested range is outside the file.");
            this.size = size;
        }

        /// The file size, for `Content-Range: bytes */size`.
        long size() {
            return size;
        }
    }
}
