package com.convene.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/// Checks media files with Debian's `ffprobe`/`ffmpeg` (installed by scripts/env.sh): container facts, and the
/// strength of a tone in the decoded audio (Goertzel filter).
final class MediaProbe {
  private static final int ANALYSIS_RATE = 8_000;

  private MediaProbe() {}

  /// The `-show_format -show_streams` report of `file`.
  static JsonNode probe(Path file) throws IOException, InterruptedException {
    return new ObjectMapper().readTree(run("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
        "-show_streams", file.toString()));
  }

  /// Decodes the audio of `file` to 8 kHz mono and returns the power of each frequency in Hz (Goertzel),
  /// normalised by the number of samples.
  static double[] tonePowers(Path file, double... frequencies) throws IOException, InterruptedException {
    return tonePowers(run("ffmpeg", "-v", "error", "-i", file.toString(), "-ac", "1", "-ar",
        String.valueOf(ANALYSIS_RATE), "-f", "s16le", "-"), frequencies);
  }

  /// Like [#tonePowers(Path, double...)] for the `length` seconds of audio from `from` seconds.
  static double[] tonePowers(Path file, double from, double length, double... frequencies)
      throws IOException, InterruptedException {
    return tonePowers(run("ffmpeg", "-v", "error", "-ss", String.valueOf(from), "-t", String.valueOf(length), "-i",
        file.toString(), "-ac", "1", "-ar", String.valueOf(ANALYSIS_RATE), "-f", "s16le", "-"), frequencies);
  }

  private static double[] tonePowers(byte[] pcm, double... frequencies) {
    ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int count = pcm.length / 2;
    double[] powers = new double[frequencies.length];
    for (int f = 0; f < frequencies.length; f++) {
      double coefficient = 2 * Math.cos(2 * Math.PI * frequencies[f] / ANALYSIS_RATE);
      double previous = 0;
      double beforePrevious = 0;
      for (int i = 0; i < count; i++) {
        double s = samples.getShort(2 * i) / 32768.0 + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = s;
      }
      powers[f] = (previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious)
          / Math.max(1, count);
    }
    return powers;
  }

  /// Mean brightness (0–255) of each cell of a `columns` x `rows` grid in the frame at `seconds`.
  static double[] cellBrightness(Path file, double seconds, int width, int height, int columns, int rows)
      throws IOException, InterruptedException {
    byte[] gray = run("ffmpeg", "-v", "error", "-ss", String.valueOf(seconds), "-i", file.toString(), "-frames:v",
        "1", "-f", "rawvideo", "-pix_fmt", "gray", "-");
    double[] sums = new double[columns * rows];
    int cellWidth = width / columns;
    int cellHeight = height / rows;
    for (int y = 0; y < cellHeight * rows; y++) {
      for (int x = 0; x < cellWidth * columns; x++) {
        sums[(y / cellHeight) * columns + x / cellWidth] += gray[y * width + x] & 0xFF;
      }
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= (double) cellWidth * cellHeight;
    }
    return sums;
  }

  private static byte[] run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + err);
    }
    return out;
  }
}
