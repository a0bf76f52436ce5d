package com.convene.desktop.ui.recordings;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the recordings screen: the list, the selected recording, and one download at a time with its progress
/// (0–1, or -1 while the size is unknown). While any recording is still being composed the list refreshes itself
/// every [#POLL_MILLIS] so its progress moves. FX thread only, except where stated.
public final class RecordingsViewModel {
  /// How often the list is reloaded while a recording is being processed, ms.
  public static final long POLL_MILLIS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(RecordingsViewModel.class);
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final ObservableList<RecordingView> recordings = FXCollections.observableArrayList();
  private final ObjectProperty<@Nullable RecordingView> selected = new SimpleObjectProperty<>();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty downloadStatus = new SimpleStringProperty("");
  private final DoubleProperty downloadProgress = new SimpleDoubleProperty(0);
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty downloading = new SimpleBooleanProperty();
  private final ObjectProperty<@Nullable Path> lastDownload = new SimpleObjectProperty<>();
  private final BooleanProperty passwordRequired = new SimpleBooleanProperty();
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty newPassword = new SimpleStringProperty("");
  private final BooleanProperty confirmingDelete = new SimpleBooleanProperty();
  private final StringProperty manageStatus = new SimpleStringProperty("");
  private final RecordingsService service;
  private final Background background;
  private final Path downloadDirectory;
  private final Consumer<Runnable> later;
  private boolean pollScheduled;
  private boolean closed;

  /// @param downloadDirectory where downloads are saved (created when missing)
  /// @param later             runs a task on the FX thread after [#POLL_MILLIS]; the app passes a timeline
  public RecordingsViewModel(RecordingsService service, Background background, Path downloadDirectory,
      Consumer<Runnable> later) {
    this.service = service;
    this.background = background;
    this.downloadDirectory = downloadDirectory;
    this.later = later;
    selected.addListener((obs, was, now) -> {
      if (was == null || now == null || !was.id().equals(now.id())) {
        passwordRequired.set(false);
        password.set("");
        newPassword.set("");
        confirmingDelete.set(false);
        manageStatus.set("");
      }
    });
  }

  public ObservableList<RecordingView> recordings() {
    return recordings;
  }

  public ObjectProperty<@Nullable RecordingView> selectedProperty() {
    return selected;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty downloadStatusProperty() {
    return downloadStatus;
  }

  /// Download progress, 0–1, or -1 (indeterminate) while the size is unknown.
  public DoubleProperty downloadProgressProperty() {
    return downloadProgress;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty downloadingProperty() {
    return downloading;
  }

  /// The file the last finished download was saved to, or null.
  public ObjectProperty<@Nullable Path> lastDownloadProperty() {
    return lastDownload;
  }

  /// Whether the selected recording asked for its password: the screen then shows a password field.
  public BooleanProperty passwordRequiredProperty() {
    return passwordRequired;
  }

  /// The password typed for the selected recording; sent with the next download once it was asked for.
  public StringProperty passwordProperty() {
    return password;
  }

  /// A new download password typed by someone who manages the selected recording.
  public StringProperty newPasswordProperty() {
    return newPassword;
  }

  /// Whether the screen asks to confirm deleting the selected recording.
  public BooleanProperty confirmingDeleteProperty() {
    return confirmingDelete;
  }

  /// What the last change to the selected recording did, to show under it.
  public StringProperty manageStatusProperty() {
    return manageStatus;
  }

  /// Whether I may change, protect and delete `recording` (its meeting's host, its recorder, an admin).
  public static boolean manageable(@Nullable RecordingView recording) {
    return recording != null && recording.canManage();
  }

  /// Makes the selected recording visible to `visibility` (`private`, `participants`, `public`).
  public void changeVisibility(String visibility) {
    RecordingView recording = selected.get();
    if (!manageable(recording) || visibility.equals(recording.visibility())) {
      return;
    }
    update(recording, RecordingUpdateRequest.visibility(visibility),
        Messages.get("recordings.visibility.saved", Messages.get("recordings.visibility." + visibility)));
  }

  /// Protects downloads of the selected recording with the typed new password (4–128 characters).
  public void setPassword() {
    RecordingView recording = selected.get();
    String typed = newPassword.get();
    if (!manageable(recording) || typed.isEmpty()) {
      return;
    }
    newPassword.set("");
    update(recording, new RecordingUpdateRequest(null, null, typed), Messages.get("recordings.password.saved"));
  }

  /// Removes the selected recording's download password.
  public void removePassword() {
    RecordingView recording = selected.get();
    if (!manageable(recording) || !recording.passwordProtected()) {
      return;
    }
    update(recording, new RecordingUpdateRequest(null, null, ""), Messages.get("recordings.password.removed"));
  }

  /// Whether `recording` failed to compose and I may start its composition again.
  public static boolean retryable(@Nullable RecordingView recording) {
    return manageable(recording) && "failed".equals(recording.status());
  }

  /// Composes the selected recording again after a failed composition; the list then follows its progress.
  public void retryComposition() {
    RecordingView recording = selected.get();
    if (!retryable(recording)) {
      return;
    }
    error.set("");
    background.run(() -> service.recompose(recording), updated -> {
      manageStatus.set(Messages.get("recordings.retry.started"));
      refresh();
    }, this::fail);
  }

  /// First step of deleting: the screen asks to confirm.
  public void askToDelete() {
    if (manageable(selected.get())) {
      confirmingDelete.set(true);
    }
  }

  /// Second step: deletes the selected recording with all its files, then reloads the list.
  public void confirmDelete() {
    RecordingView recording = selected.get();
    confirmingDelete.set(false);
    if (!manageable(recording)) {
      return;
    }
    error.set("");
    background.run(() -> {
      service.delete(recording);
      return recording;
    }, deleted -> {
      selected.set(null);
      manageStatus.set(Messages.get("recordings.deleted"));
      refresh();
    }, this::fail);
  }

  private void update(RecordingView recording, RecordingUpdateRequest request, String done) {
    error.set("");
    background.run(() -> service.update(recording, request), updated -> {
      manageStatus.set(done);
      int at = -1;
      for (int i = 0; i < recordings.size(); i++) {
        if (recordings.get(i).id().equals(updated.id())) {
          at = i;
        }
      }
      if (at >= 0) {
        recordings.set(at, updated);
      }
      selected.set(updated);
    }, this::fail);
  }

  /// Reloads the list off the FX thread, keeping the selection by id.
  public void refresh() {
    busy.set(true);
    background.run(service::myRecordings, list -> {
      busy.set(false);
      error.set("");
      RecordingView before = selected.get();
      recordings.setAll(list);
      if (before != null) {
        list.stream().filter(r -> r.id().equals(before.id())).findFirst().ifPresent(selected::set);
      }
      schedulePollWhileProcessing();
    }, this::fail);
  }

  /// Stops the automatic refresh (the screen was left).
  public void close() {
    closed = true;
  }

  /// Whether `recording` can be downloaded now.
  public static boolean downloadable(@Nullable RecordingView recording) {
    return recording != null && "ready".equals(recording.status()) && recording.downloadPath() != null
        && recording.downloadEnabled();
  }

  /// Downloads the selected recording into the downloads folder; no-op without a downloadable selection or while a
  /// download runs.
  public void downloadSelected() {
    RecordingView recording = selected.get();
    if (!downloadable(recording) || downloading.get()) {
      return;
    }
    Path target = downloadDirectory.resolve(fileName(recording));
    String sentPassword = passwordRequired.get() && !password.get().isEmpty() ? password.get() : null;
    downloading.set(true);
    downloadProgress.set(0);
    error.set("");
    downloadStatus.set(Messages.get("recordings.downloading", target.getFileName()));
    background.run(() -> {
      Files.createDirectories(downloadDirectory);
      service.download(recording, sentPassword, target, (done, total) -> reportProgress(done, total));
      return target;
    }, saved -> {
      downloading.set(false);
      passwordRequired.set(false);
      downloadProgress.set(1);
      lastDownload.set(saved);
      downloadStatus.set(Messages.get("recordings.saved", saved));
    }, failure -> {
      downloading.set(false);
      downloadStatus.set("");
      if (failure instanceof CallException e && RecordingsService.PASSWORD_REQUIRED.equals(e.problemType())) {
        passwordRequired.set(true);
        error.set(Messages.get(sentPassword == null ? "recordings.password.prompt" : "recordings.password.wrong"));
      } else {
        fail(failure);
      }
    });
  }

  /// One line describing a recording for the list: title, date, length and state.
  public static String describe(RecordingView recording) {
    String when = com.convene.desktop.ui.Dates.system().dateTime(recording.startedAt());
    String length = recording.durationSeconds() == null ? ""
        : String.format(Locale.ROOT, "  \u00b7  %d:%02d", recording.durationSeconds() / 60,
            recording.durationSeconds() % 60);
    String state = switch (recording.status()) {
      case "recording" -> Messages.get("recordings.state.recording");
      case "processing" -> Messages.get("recordings.state.processing",
          recording.progressPercent() == null ? 0 : recording.progressPercent());
      case "failed" -> Messages.get("recordings.state.failed");
      default -> Messages.get("recordings.state.ready");
    };
    String lock = recording.passwordProtected() ? "  \u00b7  " + Messages.get("recordings.protected") : "";
    String partial = recording.partial() ? "  \u00b7  " + Messages.get("recordings.partial") : "";
    return recording.title() + "\n" + when + length + lock + "  \u00b7  " + state + partial;
  }

  /// A file name for a recording: its title without characters file systems refuse, the start time, `.mp4`.
  static String fileName(RecordingView recording) {
    String title = recording.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    if (title.isEmpty()) {
      title = "Recording";
    }
    if (title.length() > 80) {
      title = title.substring(0, 80);
    }
    return title + " " + FILE_DATE.format(recording.startedAt()) + ".mp4";
  }

  /// Called on the download thread; hands the fraction to the FX thread.
  private void reportProgress(long done, long total) {
    double fraction = total > 0 ? Math.min(1.0, done / (double) total) : -1;
    Platform.runLater(() -> downloadProgress.set(fraction));
  }

  private void schedulePollWhileProcessing() {
    boolean processing = recordings.stream()
        .anyMatch(r -> "processing".equals(r.status()) || "recording".equals(r.status()));
    if (processing && !pollScheduled && !closed) {
      pollScheduled = true;
      later.accept(() -> {
        pollScheduled = false;
        if (!closed) {
          refresh();
        }
      });
    }
  }

  private void fail(Throwable failure) {
    busy.set(false);
    if (failure instanceof CallException e) {
      error.set(Messages.describe(e));
    } else {
      LOG.error("Recordings request failed unexpectedly", failure);
      error.set(Messages.get("error.generic"));
    }
  }
}
