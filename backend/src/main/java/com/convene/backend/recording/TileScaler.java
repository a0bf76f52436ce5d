package com.convene.backend.recording;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.jspecify.annotations.Nullable;

/// Fits one source's decoded pictures into its tile with an FFmpeg filter graph: `scale` with the source's aspect
/// ratio kept (area averaging when shrinking), `pad` with black to the tile size, BGR24 out.
///
/// The graph is rebuilt only when the picture size or the tile size changes (a resolution switch of the sender, a
/// new layout); an unchanged picture in an unchanged tile (a held frame, a still screen share) is not scaled again.
/// Confined to the composing thread.
final class TileScaler implements AutoCloseable {
    private @Nullable FFmpegFrameFilter filter;
    private int inWidth;
    private int inHeight;
    private int outWidth;
    private int outHeight;
    private @Nullable Frame lastInput;
    private @Nullable Frame lastOutput;

    /// The picture `input` (BGR24) fitted into `width` x `height` pixels; valid until the next call.
    ///
    /// @throws FrameFilter.Exception when FFmpeg refuses the graph or the frame
    Frame fit(Frame input, int width, int height) throws FrameFilter.Exception {
        if (input == lastInput && width == outWidth && height == outHeight && lastOutput != null) {
            return lastOutput;
        }
        if (filter == null || input.imageWidth != inWidth || input.imageHeight != inHeight
                || width != outWidth || height != outHeight) {
            close();
            FFmpegFrameFilter graph = new FFmpegFrameFilter(String.format(Locale.ROOT,
                    "scale=w=%d:h=%d:force_original_aspect_ratio=decrease:flags=area,"
                            + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2:black,format=bgr24", width, height, width, height),
                    input.imageWidth, input.imageHeight);
            graph.setPixelFormat(AV_PIX_FMT_BGR24);
            graph.start();
            filter = graph;
            inWidth = input.imageWidth;
            inHeight = input.imageHeight;
            outWidth = width;
            outHeight = height;
        }
        filter.push(input, AV_PIX_FMT_BGR24);
        // a scale graph returns one picture per picture pushed; JavaCV reuses the returned Frame on every pull, so
        // it is pulled once and kept until the next push
        Frame out = filter.pullImage();
        if (out == null || out.image == null) {
            throw new FrameFilter.Exception("the scale graph returned no picture");
        }
        lastInput = input;
        lastOutput = out;
        return out;
    }

    @Override
    public void close() {
        lastInput = null;
        lastOutput = null;
        if (filter != null) {
            try {
                filter.close();
            } catch (FrameFilter.Exception e) {
                // releasing a graph that already failed; nothing to recover
            }
            filter = null;
        }
    }
}
