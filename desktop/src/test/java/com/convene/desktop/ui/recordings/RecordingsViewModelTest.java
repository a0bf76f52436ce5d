package com.convene.desktop.ui.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.RecordingView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// File names and download rules of the recordings screen.
class RecordingsViewModelTest {
  private static RecordingView recording(String title, String status, String downloadPath, boolean enabled) {
    return new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), title, status, "private",
        enabled, false, Instant.parse("2026-11-23T10:15:00Z"), 95, 1_000L, null, null, null, downloadPath, List.of());
  }

  @Test
  void fileNamesDropCharactersFileSystemsRefuse() {
    String name = RecordingsViewModel.fileName(recording("Q4: plan/review?", "ready", "/d", true));
    assertThat(name).startsWith("Q4_ plan_review_ 2026-11-23 ").endsWith(".mp4").doesNotContain("/", ":", "?");
    assertThat(RecordingsViewModel.fileName(recording("   ", "ready", "/d", true))).startsWith("Recording ");
  }

  @Test
  void onlyReadyRecordingsWithDownloadsSwitchedOnCanBeDownloaded() {
    assertThat(RecordingsViewModel.downloadable(recording("a", "ready", "/d", true))).isTrue();
    assertThat(RecordingsViewModel.downloadable(recording("a", "processing", null, true))).isFalse();
    assertThat(RecordingsViewModel.downloadable(recording("a", "ready", "/d", false))).isFalse();
    assertThat(RecordingsViewModel.downloadable(null)).isFalse();
  }

  @Test
  void describesTitleLengthAndState() {
    assertThat(RecordingsViewModel.describe(recording("Standup", "ready", "/d", true)))
        .startsWith("Standup\n").contains("1:35").endsWith("ready");
    RecordingView processing = new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Standup",
        "processing", "private", true, true, Instant.now(), 95, 1_000L, null, null, 42, null, List.of());
    assertThat(RecordingsViewModel.describe(processing)).endsWith("password-protected  \u00b7  processing 42 %");
  }
}
