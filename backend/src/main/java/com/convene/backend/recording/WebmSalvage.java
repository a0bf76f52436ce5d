package com.convene.backend.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import com.convene.sfu.MediaKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.jspecify.annotations.Nullable;

/// Finalises a per-track WebM file that a killed process left in the spool (docs/decisions/058).
///
/// Such a file is a Matroska Segment of unknown size (RFC 9559 §6.2) holding the header elements, then the
/// clusters [WebmTrackWriter] flushed, and possibly the start of one more cluster cut off by the kill; it has no
/// Cues and no Duration. Salvage cuts it after its last complete Cluster (walking the Segment's top-level elements
/// by their EBML sizes, RFC 8794 §4–6), then copies its frames, read back by FFmpeg's demuxer, through a new
/// [WebmTrackWriter], whose trailer writes Duration, Cues and the Segment size: the result is a file like any
/// other recording's. Frames are copied, never decoded.
///
/// Blocking file I/O and native code: call on the recording executor.
final class WebmSalvage {
    static final int EBML_HEADER = 0x1A45DFA3;
    static final int SEGMENT = 0x18538067;
    static final int CLUSTER = 0x1F43B675;

    private WebmSalvage() {
    }

    /// Finalises `spooled` into `out`.
    ///
    /// @param spooled  the file the killed process wrote; cut in place after its last complete cluster
    /// @param manifest its sidecar ([TrackManifest])
    /// @param out      the finalised file, created or replaced
    /// @return the finalised file, or `null` when `spooled` holds no complete cluster (nothing to keep)
    /// @throws IOException        when the files cannot be read or written
    /// @throws RecordingException when FFmpeg cannot read the cut file or write the new one
    static @Nullable TrackFile finalise(Path spooled, TrackManifest manifest, Path out) throws IOException {
        long complete = completeLength(spooled);
        if (complete < 0) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(spooled, StandardOpenOption.WRITE)) {
            channel.truncate(complete);
        }
        MediaKind kind = "audio".equals(manifest.kind()) ? MediaKind.AUDIO : MediaKind.VIDEO;
        AVFormatContext input = new AVFormatContext(null);
        int opened = avformat_open_input(input, spooled.toString(), (AVInputFormat) null, (AVDictionary) null);
        if (opened < 0) {
            throw new RecordingException("FFmpeg could not open " + spooled.getFileName() + " (" + opened + ")", null);
        }
        AVPacket packet = av_packet_alloc();
        try {
            AVStream stream = input.streams(0);
            AVRational timeBase = stream.time_base();
            AVRational millis = av_make_q(1, 1000);
            int width = stream.codecpar().width() > 0 ? stream.codecpar().width() : manifest.width();
            int height = stream.codecpar().height() > 0 ? stream.codecpar().height() : manifest.height();
            try (WebmTrackWriter writer = new WebmTrackWriter(out, kind, width, height)) {
                while (av_read_frame(input, packet) >= 0) {
                    try {
                        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        int length = packet.size();
                        if (packet.stream_index() != 0 || length <= 0 || pts == AV_NOPTS_VALUE) {
                            continue;
                        }
                        byte[] data = new byte[length];
                        packet.data().position(0).get(data);
                        long durationMillis = kind == MediaKind.AUDIO ? OpusPackets.samples(data, 0, length) / 48 : 0;
                        writer.write(data, 0, length, av_rescale_q(pts, timeBase, millis), durationMillis,
                                (packet.flags() & AV_PKT_FLAG_KEY) != 0);
                    } finally {
                        av_packet_unref(packet);
                    }
                }
                writer.close();
                if (writer.frames() == 0) {
                    Files.deleteIfExists(out);
                    return null;
                }
                return new TrackFile(manifest.participantId(), manifest.trackId(), kind, manifest.source(),
                        manifest.segment(), out, writer.firstMillis(), writer.endMillis(), writer.frames(),
                        Files.size(out));
            }
        } finally {
            av_packet_free(packet);
            avformat_close_input(input);
        }
    }

    /// Length in bytes of the file's prefix that ends with its last complete Cluster, or -1 when it has none (or
    /// does not start with an EBML header and a Segment).
    ///
    /// @throws IOException when the file cannot be read
    static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            Element header = Element.read(channel, 0, length);
            if (header == null || header.id() != EBML_HEADER || header.unknownSize()) {
                return -1;
            }
            Element segment = Element.read(channel, header.end(), length);
            if (segment == null || segment.id() != SEGMENT) {
                return -1;
            }
            long limit = segment.unknownSize() ? length : Math.min(length, segment.end());
            long complete = -1;
            long at = segment.dataStart();
            while (at < limit) {
                Element child = Element.read(channel, at, limit);
                if (child == null || child.unknownSize() || child.end() > limit) {
                    break; // cut off by the kill
                }
                if (child.id() == CLUSTER) {
                    complete = child.end();
                }
                at = child.end();
            }
            return complete;
        }
    }

    /// An EBML element's header (RFC 8794 §4): its ID with the length marker kept (as Matroska writes IDs), where
    /// its data starts, and its data size, or unknown (all value bits set, §6.2).
    ///
    /// @param id          element ID, 1–4 bytes
    /// @param dataStart   file offset of the data, bytes
    /// @param size        data size in bytes; meaningless when `unknownSize`
    /// @param unknownSize whether the size is the reserved "unknown" value
    record Element(int id, long dataStart, long size, boolean unknownSize) {
        /// File offset just past the data.
        long end() {
            return dataStart + size;
        }

        /// Reads the header at `at`, or `null` when it does not fit before `limit` or is malformed.
        static @Nullable Element read(FileChannel channel, long at, long limit) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(12);
            int read = channel.read(buffer, at);
            if (read < 2) {
                return null;
            }
            int available = (int) Math.min(read, limit - at);
            int idLength = vintLength(buffer.get(0));
            if (idLength < 1 || idLength > 4 || idLength >= available) {
                return null;
            }
            int id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (buffer.get(i) & 0xFF);
            }
            int sizeLength = vintLength(buffer.get(idLength));
            if (sizeLength < 1 || idLength + sizeLength > available) {
                return null;
            }
            long size = buffer.get(idLength) & (0xFF >> sizeLength);
            boolean allOnes = size == (0xFF >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                int b = buffer.get(idLength + i) & 0xFF;
                size = (size << 8) | b;
                allOnes &= b == 0xFF;
            }
            return new Element(id, at + idLength + sizeLength, size, allOnes);
        }

        /// Length of a variable-size integer from its first byte: leading zero bits plus one (RFC 8794 §4).
        private static int vintLength(byte first) {
            int b = first & 0xFF;
            return b == 0 ? -1 : Integer.numberOfLeadingZeros(b) - 23;
        }
    }
}
