package com.convene.desktop.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.desktop.call.ParticipantStats;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotOptionsTest {

  @Test
  void parsesFullCommandLine() {
    BotOptions options = BotOptions.parse(new String[] {"--server", "http://127.0.0.2:8080/", "--user", "u",
        "--password", "p", "--meeting", "abc-defg-hij", "--name", "Bot1", "--source", "pattern", "--tone-hz", "880",
        "--duration", "20s", "--report-every", "2s"});
    assertThat(options.server()).isEqualTo(URI.create("http://127.0.0.2:8080"));
    assertThat(options.name()).isEqualTo("Bot1");
    assertThat(options.toneHz()).isEqualTo(880);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.reportEvery()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.toString()).doesNotContain("password=p");
  }

  @Test
  void rejectsMissingOrBadOptions() {
    assertThatThrownBy(() -> BotOptions.parse(new String[] {"--server", "http://x"}))
        .hasMessageContaining("required");
    assertThatThrownBy(() -> BotOptions.parse(new String[] {"--server", "http://x", "--user", "u", "--password",
        "p", "--meeting", "m", "--source", "webcam"})).hasMessageContaining("--source");
    assertThatThrownBy(() -> BotOptions.parse(new String[] {"--bogus", "1"})).hasMessageContaining("unknown");
  }

  @Test
  void parsesDurations() {
    assertThat(BotOptions.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(BotOptions.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(BotOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(BotOptions.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void formatsReportLines() {
    ParticipantStats stats = new ParticipantStats("p-1", "Ada Lovelace", 300, 29.97, 812_000, 0.2121, 640, 640, 360, 305);
    assertThat(BotReport.line("REPORT", 10, "Bot1", stats)).isEqualTo(
        "REPORT t=10.0s bot=Bot1 participant=p-1 name=Ada_Lovelace frames=300 fps=30.0 bitrate_kbps=812"
            + " audio_rms=0.212 first_frame_ms=640 width=640 height=360 counter=305");
    ParticipantStats nothing = new ParticipantStats("p-2", "B", 0, 0, -1, -1, -1, 0, 0, -1);
    assertThat(BotReport.line("FINAL", 1, "Bot1", nothing)).contains("bitrate_kbps=- audio_rms=- first_frame_ms=-");
    assertThat(BotReport.lines("REPORT", 2, "Bot1", List.of())).containsExactly("REPORT t=2.0s bot=Bot1 participants=0");
  }
}
