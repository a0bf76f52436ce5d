package com.convene.desktop.demo;

import com.convene.desktop.call.ParticipantStats;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/// Formats the demo's report: one `key=value` line per (receiving bot, remote participant), stable for scripts.
///
/// Example: `REPORT t=10.0s bot=Bot-1 from=Bot-2 frames=298 fps=29.9 bitrate_kbps=811 audio_rms=0.212
/// first_frame_ms=640 size=640x360`. Missing values print as `-`.
final class DemoReport {
  private DemoReport() {}

  /// Prints the lines for `bot` and flushes.
  static void print(PrintStream out, String kind, double elapsedSeconds, String bot, List<ParticipantStats> stats) {
    if (stats.isEmpty()) {
      out.println(String.format(Locale.ROOT, "%s t=%.1fs bot=%s from=- (nobody seen yet)", kind, elapsedSeconds,
          bot));
    }
    for (ParticipantStats s : stats) {
      out.println(line(kind, elapsedSeconds, bot, s));
    }
    out.flush();
  }

  static String line(String kind, double elapsedSeconds, String bot, ParticipantStats s) {
    return String.format(Locale.ROOT,
        "%s t=%.1fs bot=%s from=%s frames=%d fps=%.1f bitrate_kbps=%s audio_rms=%s first_frame_ms=%s size=%dx%d",
        kind, elapsedSeconds, bot, token(s.displayName()), s.framesDecoded(), s.framesPerSecond(),
        s.bitrateBps() < 0 ? "-" : Long.toString(s.bitrateBps() / 1000),
        s.audioRms() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.audioRms()),
        s.joinToFirstFrameMillis() < 0 ? "-" : Long.toString(s.joinToFirstFrameMillis()),
        s.frameWidth(), s.frameHeight());
  }

  private static String token(String text) {
    return text.isBlank() ? "-" : text.strip().replaceAll("\\s+", "_");
  }
}
