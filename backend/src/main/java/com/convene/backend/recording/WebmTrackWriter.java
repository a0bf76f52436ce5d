package com.convene.backend.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
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
/// Confined to one thread; not reusable after [#close].
final class WebmTrackWriter implements AutoCloseable {
    /// Opus pre-skip in 48 kHz samples that libopus encoders use (RFC 7845 §4.2).
    private static final int OPUS_PRE_SKIP = 312;

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
            check(av_interleaved_write_frame(context, packet), "write a packet");
        } finally {
            av_packet_unref(packet);
        }
        if (firstMillis < 0) {
            firstMillis = pts;
        }
        lastMillis = pts;
        endMillis = Math.max(endMillis, pts + durationMillis);
        frames++;
        payloadBytes += length;
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
