package com.convene.desktop.ui.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.model.api.RecordingView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// File names, download rules and the owner's changes of the recordings screen.
class RecordingsViewModelTest {
  /// Records what the screen asks the server and answers as the server would.
  private static final class Server implements RecordingsService {
    final java.util.List<Object> calls = new java.util.ArrayList<>();
    RecordingView current;

    @Override
    public java.util.List<RecordingView> myRecordings() {
      return current == null ? List.of() : List.of(current);
    }

    @Override
    public void download(RecordingView recording, String password, java.nio.file.Path target,
        java.util.function.BiConsumer<Long, Long> progress) {
      throw new AssertionError("no download here");
    }

    @Override
    public RecordingView update(RecordingView recording, com.convene.model.api.RecordingUpdateRequest request) {
      calls.add(request);
      current = new RecordingView(recording.id(), recording.meetingId(), recording.recordedByUserId(),
          recording.title(), recording.status(),
          request.visibility() == null ? recording.visibility() : request.visibility(), recording.downloadEnabled(),
          request.password() == null ? recording.passwordProtected() : !request.password().isEmpty(), true,
          recording.startedAt(), recording.durationSeconds(), recording.fileSizeBytes(), null, null, null,
          recording.downloadPath(), List.of());
      return current;
    }

    @Override
    public RecordingView recompose(RecordingView recording) {
      calls.add("compose " + recording.id());
      current = new RecordingView(recording.id(), recording.meetingId(), recording.recordedByUserId(),
          recording.title(), "processing", recording.visibility(), true, false, true, recording.startedAt(),
          recording.durationSeconds(), recording.fileSizeBytes(), null, null, 0, null, List.of());
      return current;
    }

    @Override
    public void delete(RecordingView recording) {
      calls.add("delete " + recording.id());
      current = null;
    }
  }

  @Test
  void anOwnerComposesAFailedRecordingAgain() {
    Server server = new Server();
    server.current = new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Review", "failed",
        "private", true, false, true, Instant.parse("2026-11-23T10:15:00Z"), 95, 1_000L, null,
        "The recording could not be composed; it can be retried.", null, null, List.of());
    List<Runnable> polls = new java.util.ArrayList<>();
    RecordingsViewModel model = new RecordingsViewModel(server, new com.convene.desktop.ui.SyncBackground(),
        java.nio.file.Path.of("target"), polls::add);
    model.refresh();
    model.selectedProperty().set(model.recordings().getFirst());
    assertThat(RecordingsViewModel.retryable(model.selectedProperty().get())).isTrue();

    model.retryComposition();

    assertThat(server.calls).containsExactly("compose " + server.current.id());
    assertThat(model.selectedProperty().get().status()).isEqualTo("processing");
    assertThat(RecordingsViewModel.retryable(model.selectedProperty().get())).isFalse();
    assertThat(polls).as("the list follows the composition's progress").hasSize(1);
  }

  @Test
  void anOwnerChangesVisibilitySetsAndRemovesThePasswordAndDeletesAfterConfirming() {
    Server server = new Server();
    server.current = new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Review", "ready",
        "private", true, false, true, Instant.parse("2026-11-23T10:15:00Z"), 95, 1_000L, null, null, null, "/d",
        List.of());
    RecordingsViewModel model = new RecordingsViewModel(server, new com.convene.desktop.ui.SyncBackground(),
        java.nio.file.Path.of("target"), task -> { });
    model.refresh();
    model.selectedProperty().set(model.recordings().getFirst());

    model.changeVisibility("participants");
    model.newPasswordProperty().set("tulip-42");
    model.setPassword();
    assertThat(model.selectedProperty().get().visibility()).isEqualTo("participants");
    assertThat(model.selectedProperty().get().passwordProtected()).isTrue();
    assertThat(model.newPasswordProperty().get()).as("typed password cleared").isEmpty();
    assertThat(model.manageStatusProperty().get()).startsWith("Password set");
    model.removePassword();
    assertThat(model.selectedProperty().get().passwordProtected()).isFalse();
    assertThat(server.calls).containsExactly(
        com.convene.model.api.RecordingUpdateRequest.visibility("participants"),
        new com.convene.model.api.RecordingUpdateRequest(null, null, "tulip-42"),
        new com.convene.model.api.RecordingUpdateRequest(null, null, ""));

    UUID id = model.selectedProperty().get().id();
    model.askToDelete();
    assertThat(model.confirmingDeleteProperty().get()).isTrue();
    model.confirmDelete();
    assertThat(server.calls).last().isEqualTo("delete " + id);
    assertThat(model.recordings()).isEmpty();
    assertThat(model.selectedProperty().get()).isNull();
    assertThat(model.manageStatusProperty().get()).isEqualTo("Recording deleted.");
  }

  private static RecordingView recording(String title, String status, String downloadPath, boolean enabled) {
    return new RecordingView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), title, status, "private",
        enabled, false, false, Instant.parse("2026-11-23T10:15:00Z"), 95, 1_000L, null, null, null, downloadPath, List.of());
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
        "processing", "private", true, true, false, Instant.now(), 95, 1_000L, null, null, 42, null, List.of());
    assertThat(RecordingsViewModel.describe(processing)).endsWith("password-protected  \u00b7  processing 42 %");
  }
}
