package com.convene.backend.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import com.convene.sfu.MediaKind;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/// Writes one track's already-encoded frames into a WebM file (Matroska subset) with FFmpeg's muxer: packets
/// are copied, never decoded or re-encoded.
///
/// Timestamps are milliseconds on the recording's shared timeline (0 = recording start); they must not decrease,
/// and the writer nudges equal or earlier ones 1 ms forward so the muxer accepts them. Opus gets an `OpusHead`
/// CodecPrivate (RFC 7845 §5.1) so players set up the decoder; VP8 gets the key frame's dimensions.
///
/// Crash safety (docs/decisions/058): the header reaches the OS as soon as it is written, and at least every
/// [#FLUSH_INTERVAL_MILLIS] the open Matroska cluster is closed (FFmpeg's muxer flush, a `NULL` packet) and FFmpeg's
/// I/O buffer written through to the OS. A process killed with SIGKILL therefore leaves a file of complete clusters
/// (plus at most one cut-off cluster being written) that [WebmSalvage] finalises. FFmpeg's WebM muxer holds the
/// newest audio packet back (so that it lands in the cluster a video key frame starts), so an audio flush leaves
/// one packet (20 ms) in the process. The data is not `fsync`ed: a power loss may lose what the OS had not yet
/// written.
///
/// Confined to one thread; not reusable after [#close].
final class WebmTrackWriter implements AutoCloseable {
    /// Opus pre-skip in 48 kHz samples that libopus encoders use (RFC 7845 §4.2).
    private static final int OPUS_PRE_SKIP = 312;
    /// Longest time, in ms of wall time, that written frames stay in the process before reaching the OS.
    static final long FLUSH_INTERVAL_MILLIS = 1_000;

    private final Path path;
    private final MediaKind kind;
    private final AVFormatContext context;
    private final AVStream stream;
    private final AVPacket packet;
    private final AVRational millis = av_make_q(1, 1000);
    private long lastMillis = Long.MIN_VALUE;
    private long firstMillis = -1;
    private long endMillis;
    private long frames;
    private long payloadBytes;
    private long lastFlushNanos;
    private boolean unflushed;
    private long flushes;
    private boolean closed;

    /// Creates the file and writes the header.
    ///
    /// @param path   target file, created or truncated
    /// @param kind   audio (Opus, 48 kHz, stereo as negotiated by WebRTC, RFC 7587 §7) or video (VP8)
    /// @param width  video: width in pixels from the first key frame; audio: ignored
    /// @param height video: height in pixels; audio: ignored
    /// @throws RecordingException when FFmpeg cannot create the file
    WebmTrackWriter(Path path, MediaKind kind, int width, int height) {
        this.path = path;
        this.kind = kind;
        AVFormatContext created = new AVFormatContext(null);
        check(avformat_alloc_output_context2(created, null, "webm", path.toString()), "allocate the muxer");
        this.context = created;
        this.stream = avformat_new_stream(context, null);
        this.packet = av_packet_alloc();
        try {
            if (stream == null || packet == null) {
                throw new RecordingException("FFmpeg could not allocate a stream for " + path.getFileName(), null);
            }
            AVCodecParameters parameters = stream.codecpar();
            if (kind == MediaKind.VIDEO) {
                parameters.codec_type(AVMEDIA_TYPE_VIDEO);
                parameters.codec_id(AV_CODEC_ID_VP8);
                parameters.width(width);
                parameters.height(height);
            } else {
                parameters.codec_type(AVMEDIA_TYPE_AUDIO);
                parameters.codec_id(AV_CODEC_ID_OPUS);
                parameters.sample_rate(48_000);
                av_channel_layout_default(parameters.ch_layout(), 2);
                parameters.initial_padding(OPUS_PRE_SKIP);
                byte[] head = opusHead(2);
                BytePointer extradata = new BytePointer(av_malloc(head.length + 64));
                extradata.position(0).put(head);
                parameters.extradata(extradata);
                parameters.extradata_size(head.length);
            }
            stream.time_base(millis);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, path.toString(), AVIO_FLAG_WRITE), "open the file");
            context.pb(io);
            check(avformat_write_header(context, (AVDictionary) null), "write the header");
            avio_flush(context.pb());
            check(context.pb().error(), "write the header");
            lastFlushNanos = System.nanoTime();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /// Appends one frame.
    ///
    /// @param data          buffer holding the frame
    /// @param offset        where the frame starts in `data`
    /// @param length        frame length in bytes, at least 1
    /// @param ptsMillis     presentation time on the recording timeline in ms, 0 or more
    /// @param durationMillis frame duration in ms when known (Opus), else 0
    /// @param keyFrame      video key frame (every Opus packet is a key frame)
    void write(byte[] data, int offset, int length, long ptsMillis, long durationMillis, boolean keyFrame) {
        long pts = Math.max(ptsMillis, lastMillis == Long.MIN_VALUE ? 0 : lastMillis + 1);
        check(av_new_packet(packet, length), "allocate a packet");
        try {
            packet.data().position(0).put(data, offset, length);
            packet.stream_index(stream.index());
            long streamPts = av_rescale_q(pts, millis, stream.time_base());
            packet.pts(streamPts);
            packet.dts(streamPts);
            packet.duration(av_rescale_q(durationMillis, millis, stream.time_base()));
            packet.flags(keyFrame || kind == MediaKind.AUDIO ? AV_PKT_FLAG_KEY : 0);
            check(av_write_frame(context, packet), "write a packet");
        } finally {
            av_packet_unref(packet);
        }
        unflushed = true;
        if (firstMillis < 0) {
            firstMillis = pts;
        }
        lastMillis = pts;
        endMillis = Math.max(endMillis, pts + durationMillis);
        frames++;
        payloadBytes += length;
        flushIfDue(System.nanoTime());
    }

    /// Closes the open cluster and writes everything to the OS when frames were written since the last flush
    /// and [#FLUSH_INTERVAL_MILLIS] have passed since it.
    ///
    /// @param nowNanos the current [System#nanoTime()]
    /// @throws RecordingException when the file cannot be written
    void flushIfDue(long nowNanos) {
        if (!closed && unflushed && nowNanos - lastFlushNanos >= FLUSH_INTERVAL_MILLIS * 1_000_000L) {
            flush(nowNanos);
        }
    }

    /// Closes the open cluster (FFmpeg's Matroska muxer ends it on a `NULL` packet) and writes FFmpeg's buffer
    /// to the OS, so every frame written so far (but the held-back newest audio packet) survives a SIGKILL of the
    /// process.
    ///
    /// @param nowNanos the current [System#nanoTime()], the start of the next interval
    ///
    /// @throws RecordingException when the file cannot be written
    void flush(long nowNanos) {
        check(av_write_frame(context, null), "end a cluster");
        avio_flush(context.pb());
        check(context.pb().error(), "write to the file");
        lastFlushNanos = nowNanos;
        unflushed = false;
        flushes++;
    }

    /// Flushes done by [#flush] (on time or forced).
    long flushes() {
        return flushes;
    }

    /// The file.
    Path path() {
        return path;
    }

    /// Time of the first frame on the recording timeline in ms, or -1 before any.
    long firstMillis() {
        return firstMillis;
    }

    /// End of the last frame on the recording timeline in ms.
    long endMillis() {
        return endMillis;
    }

    /// Frames written.
    long frames() {
        return frames;
    }

    /// Encoded bytes written (without container overhead).
    long payloadBytes() {
        return payloadBytes;
    }

    /// Writes the trailer (cues, duration) and closes the file. Idempotent.
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            check(av_write_trailer(context), "finish the file");
        } finally {
            release();
        }
    }

    private void release() {
        if (context.pb() != null) {
            avio_closep(context.pb());
        }
        avformat_free_context(context);
        if (packet != null) {
            av_packet_free(packet);
        }
    }

    /// The 19-byte `OpusHead` identification header (RFC 7845 §5.1), little-endian, channel mapping family 0.
    static byte[] opusHead(int channels) {
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(19).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        head.put((byte) 1).put((byte) channels).putShort((short) OPUS_PRE_SKIP).putInt(48_000).putShort((short) 0)
                .put((byte) 0);
        return head.array();
    }

    private void check(int result, String action) {
        if (result < 0) {
            byte[] text = new byte[256];
            av_strerror(result, text, text.length);
            int end = 0;
            while (end < text.length && text[end] != 0) {
                end++;
            }
            throw new RecordingException("FFmpeg could not " + action + " for " + path.getFileName() + ": "
                    + new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }
}
