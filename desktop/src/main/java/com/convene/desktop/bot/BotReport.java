package com.convene.desktop.bot;

import com.convene.desktop.call.ParticipantStats;
import java.util.List;
import java.util.Locale;

/// Formats the bot's report lines: one per remote participant, stable `key=value` pairs for scripts.
///
/// Example: `REPORT t=10.0s bot=Bot1 participant=5f0c… name=Alice frames=298 fps=29.9 bitrate_kbps=811
/// audio_rms=0.212 first_frame_ms=640 width=640 height=360 counter=305`. Missing values print as `-`.
final class BotReport {
  private BotReport() {}

  static List<String> lines(String kind, double elapsedSeconds, String botName, List<ParticipantStats> stats) {
    if (stats.isEmpty()) {
      return List.of(String.format(Locale.ROOT, "%s t=%.1fs bot=%s participants=0", kind, elapsedSeconds,
          token(botName)));
    }
    return stats.stream().map(s -> line(kind, elapsedSeconds, botName, s)).toList();
  }

  static String line(String kind, double elapsedSeconds, String botName, ParticipantStats s) {
    return String.format(Locale.ROOT,
        "%s t=%.1fs bot=%s participant=%s name=%s frames=%d fps=%.1f bitrate_kbps=%s audio_rms=%s"
            + " first_frame_ms=%s width=%d height=%d counter=%s",
        kind, elapsedSeconds, token(botName), s.participantId(), token(s.displayName()), s.framesDecoded(),
        s.framesPerSecond(), s.bitrateBps() < 0 ? "-" : Long.toString(s.bitrateBps() / 1000),
        s.audioRms() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.audioRms()),
        s.joinToFirstFrameMillis() < 0 ? "-" : Long.toString(s.joinToFirstFrameMillis()),
        s.frameWidth(), s.frameHeight(), s.lastPatternCounter() < 0 ? "-" : Integer.toString(s.lastPatternCounter()));
  }

  private static String token(String text) {
    return text.replaceAll("\\s+", "_");
  }
}
