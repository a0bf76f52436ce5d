package com.convene.desktop.media;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/// Reads a YUV4MPEG2 file (4:2:0 only) frame by frame, looping at the end. Confined to the pump thread.
///
/// Format: a header line `YUV4MPEG2 W<w> H<h> F<num>:<den> ...`, then per frame a line starting `FRAME`
/// followed by the raw Y, U and V planes.
final class Y4mReader implements AutoCloseable {
  private final FileChannel channel;
  private final int width;
  private final int height;
  private final int fps;
  private final long firstFrameOffset;
  private final ByteBuffer frame;

  private Y4mReader(FileChannel channel, int width, int height, int fps, long firstFrameOffset) {
    this.channel = channel;
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.firstFrameOffset = firstFrameOffset;
    this.frame = ByteBuffer.allocate(width * height * 3 / 2);
  }

  static Y4mReader open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      String header = readLine(channel);
      if (!header.startsWith("YUV4MPEG2 ")) {
        throw new IOException("not a YUV4MPEG2 file");
      }
      int width = 0;
      int height = 0;
      int fps = 30;
      for (String token : header.split(" ")) {
        if (token.startsWith("W")) {
          width = Integer.parseInt(token.substring(1));
        } else if (token.startsWith("H")) {
          height = Integer.parseInt(token.substring(1));
        } else if (token.startsWith("F")) {
          String[] rate = token.substring(1).split(":");
          fps = (int) Math.round(Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]));
        } else if (token.startsWith("C") && !token.startsWith("C420")) {
          throw new IOException("only 4:2:0 Y4M is supported, got " + token);
        }
      }
      if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
        throw new IOException("Y4M frame size must be even: " + width + "x" + height);
      }
      return new Y4mReader(channel, width, height, Math.clamp(fps, 1, 60), channel.position());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e instanceof IOException io ? io : new IOException("bad Y4M header", e);
    }
  }

  int fps() {
    return fps;
  }

  /// Reads the next frame (wrapping to the first at the end) into a new native buffer.
  VideoFrameBuffer paint(long frameNumber) throws IOException {
    String marker = readLine(channel);
    if (marker.isEmpty()) {
      channel.position(firstFrameOffset);
      marker = readLine(channel);
    }
    if (!marker.startsWith("FRAME")) {
      throw new IOException("Y4M frame marker missing");
    }
    frame.clear();
    while (frame.hasRemaining()) {
      if (channel.read(frame) < 0) {
        throw new IOException("truncated Y4M frame");
      }
    }
    NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
    copyPlane(0, width, height, buffer.getDataY(), buffer.getStrideY());
    int chromaSize = (width / 2) * (height / 2);
    copyPlane(width * height, width / 2, height / 2, buffer.getDataU(), buffer.getStrideU());
    copyPlane(width * height + chromaSize, width / 2, height / 2, buffer.getDataV(), buffer.getStrideV());
    return buffer;
  }

  private void copyPlane(int offset, int planeWidth, int planeHeight, ByteBuffer target, int stride) {
    byte[] source = frame.array();
    for (int row = 0; row < planeHeight; row++) {
      target.put(row * stride, source, offset + row * planeWidth, planeWidth);
    }
  }

  private static String readLine(FileChannel channel) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      one.clear();
      if (channel.read(one) < 0) {
        return line.toString(StandardCharsets.US_ASCII);
      }
      byte b = one.get(0);
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII);
      }
      line.write(b);
      if (line.size() > 1024) {
        throw new IOException("Y4M header line too long");
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
