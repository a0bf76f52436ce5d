package com.convene.desktop.ui.update;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import com.convene.model.api.ReleaseVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the update banner: whether a newer release than the running one exists (and which installer of it
/// fits this computer), one download with its progress (0–1, or -1 while the size is unknown), and the saved file
/// to open. A failed check stays silent (logged): the banner is a hint, never in the way. FX thread only, except
/// where stated.
public final class UpdateViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateViewModel.class);

  private final ObjectProperty<@Nullable ClientRelease> available = new SimpleObjectProperty<>();
  private final ObjectProperty<@Nullable ClientDownload> installer = new SimpleObjectProperty<>();
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty downloading = new SimpleBooleanProperty();
  private final BooleanProperty visible = new SimpleBooleanProperty();
  private final ObjectProperty<@Nullable Path> downloaded = new SimpleObjectProperty<>();
  private final UpdateService service;
  private final Background background;
  private final ReleaseVersion running;
  private final InstallerChoice choice;
  private final Path downloadDirectory;
  private final Executor fx;
  private final Consumer<Path> opener;

  /// @param running           the version of this app
  /// @param downloadDirectory where the installer is saved (created when missing)
  /// @param fx                runs progress updates on the FX thread (`Platform::runLater`); any thread may call it
  /// @param opener            opens a saved installer with the system's handler
  public UpdateViewModel(UpdateService service, Background background, ReleaseVersion running,
      InstallerChoice choice, Path downloadDirectory, Executor fx, Consumer<Path> opener) {
    this.service = service;
    this.background = background;
    this.running = running;
    this.choice = choice;
    this.downloadDirectory = downloadDirectory;
    this.fx = fx;
    this.opener = opener;
  }

  /// The newer release, or null while there is none.
  public ObjectProperty<@Nullable ClientRelease> availableProperty() {
    return available;
  }

  /// The installer of the newer release that fits this computer, or null.
  public ObjectProperty<@Nullable ClientDownload> installerProperty() {
    return installer;
  }

  /// "Convene X.Y is available", or empty.
  public StringProperty messageProperty() {
    return message;
  }

  /// What the download is doing, or where it was saved.
  public StringProperty statusProperty() {
    return status;
  }

  /// Download progress, 0–1, or -1 (indeterminate) while the size is unknown.
  public DoubleProperty progressProperty() {
    return progress;
  }

  public BooleanProperty downloadingProperty() {
    return downloading;
  }

  /// Whether the banner shows: a newer release exists and the user has not dismissed it.
  public BooleanProperty visibleProperty() {
    return visible;
  }

  /// The saved installer once downloaded, else null.
  public ObjectProperty<@Nullable Path> downloadedProperty() {
    return downloaded;
  }

  /// Asks the server off the FX thread; shows the banner when its newest release is newer than this app.
  public void check() {
    background.run(service::latest, latest -> {
      if (latest.isEmpty()) {
        LOG.debug("The server offers no desktop release for {}", choice);
        return;
      }
      ClientRelease release = latest.get();
      if (!ReleaseVersion.isValid(release.version())
          || !ReleaseVersion.parse(release.version()).isNewerThan(running)) {
        LOG.debug("Convene {} is up to date (server offers {})", running, release.version());
        return;
      }
      LOG.info("Convene {} is available (running {})", release.version(), running);
      available.set(release);
      installer.set(choice.pick(release).orElse(null));
      message.set(Messages.get("update.available", release.version()));
      status.set(installer.get() == null ? Messages.get("update.noInstaller") : "");
      visible.set(true);
    }, failure -> LOG.warn("Update check failed: {}", failure.toString()));
  }

  /// Downloads the fitting installer into the download directory; no-op without one or while a download runs.
  public void download() {
    ClientDownload file = installer.get();
    if (file == null || downloading.get()) {
      return;
    }
    Path target = downloadDirectory.resolve(file.fileName());
    downloading.set(true);
    progress.set(0);
    downloaded.set(null);
    status.set(Messages.get("update.downloading", file.fileName()));
    background.run(() -> {
      Files.createDirectories(downloadDirectory);
      service.download(file, target, this::reportProgress);
      return target;
    }, saved -> {
      downloading.set(false);
      progress.set(1);
      downloaded.set(saved);
      status.set(Messages.get("update.saved", saved));
    }, failure -> {
      downloading.set(false);
      if (failure instanceof CallException e) {
        status.set(Messages.describe(e));
      } else {
        LOG.error("Update download failed unexpectedly", failure);
        status.set(Messages.get("error.generic"));
      }
    });
  }

  /// Opens the downloaded installer with the system's handler (the package installer); no-op before a download.
  public void openDownloaded() {
    Path saved = downloaded.get();
    if (saved != null) {
      opener.accept(saved);
    }
  }

  /// Hides the banner until the next sign-in.
  public void dismiss() {
    visible.set(false);
  }

  /// Called on the download thread; hands the fraction to the FX thread.
  private void reportProgress(long done, long total) {
    double fraction = total > 0 ? Math.min(1.0, done / (double) total) : -1;
    fx.execute(() -> progress.set(fraction));
  }
}
