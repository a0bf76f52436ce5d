package com.convene.desktop.ui.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.Background;
import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import com.convene.model.api.ReleaseVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The update banner's rules with a fake server: shown only for a newer release, the fitting installer chosen,
/// the download's progress reported and the saved file offered for opening.
class UpdateViewModelTest {
  private static final InstallerChoice DEBIAN = new InstallerChoice("linux", "x86_64", List.of("deb", "rpm"));
  private static final ClientDownload DEB = new ClientDownload("deb", "convene_1.2.0_amd64.deb", 4,
      "/api/v1/client/releases/1.2.0/convene_1.2.0_amd64.deb");
  private static final ClientDownload RPM = new ClientDownload("rpm", "convene-1.2.0-1.x86_64.rpm", 4,
      "/api/v1/client/releases/1.2.0/convene-1.2.0-1.x86_64.rpm");

  @TempDir Path downloads;

  /// Runs work at once on the calling thread.
  private static final Background NOW = new Background() {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      T result;
      try {
        result = work.call();
      } catch (Exception e) {
        onFailure.accept(e);
        return;
      }
      onSuccess.accept(result);
    }
  };

  private static final class FakeServer implements UpdateService {
    Optional<ClientRelease> latest = Optional.empty();
    RuntimeException failure;
    final List<ClientDownload> downloaded = new ArrayList<>();

    @Override
    public Optional<ClientRelease> latest() {
      if (failure != null) {
        throw failure;
      }
      return latest;
    }

    @Override
    public void download(ClientDownload installer, Path target, BiConsumer<Long, Long> progress) {
      if (failure != null) {
        throw failure;
      }
      downloaded.add(installer);
      try {
        Files.write(target, new byte[] {1, 2, 3, 4});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      progress.accept(2L, 4L);
      progress.accept(4L, 4L);
    }
  }

  private final FakeServer server = new FakeServer();
  private final List<Double> progressSeen = new ArrayList<>();
  private final List<Path> opened = new ArrayList<>();

  private UpdateViewModel model(String running, InstallerChoice choice) {
    UpdateViewModel model = new UpdateViewModel(server, NOW, ReleaseVersion.parse(running), choice, downloads,
        Runnable::run, opened::add);
    model.progressProperty().addListener((obs, was, now) -> progressSeen.add(now.doubleValue()));
    return model;
  }

  @Test
  void showsTheBannerOnlyForANewerRelease() {
    server.latest = Optional.of(new ClientRelease("1.2.0", "linux", "x86_64", List.of(DEB, RPM)));
    UpdateViewModel older = model("1.10.0", DEBIAN);
    older.check();
    assertThat(older.visibleProperty().get()).isFalse();
    UpdateViewModel same = model("1.2", DEBIAN);
    same.check();
    assertThat(same.visibleProperty().get()).isFalse();

    UpdateViewModel snapshot = model("1.2.0-SNAPSHOT", DEBIAN);
    snapshot.check();
    assertThat(snapshot.visibleProperty().get()).isTrue();
    assertThat(snapshot.messageProperty().get()).isEqualTo("Convene 1.2.0 is available");
    assertThat(snapshot.installerProperty().get()).isEqualTo(DEB);
  }

  @Test
  void staysSilentWithoutAReleaseOrWhenTheCheckFails() {
    UpdateViewModel none = model("0.1.0", DEBIAN);
    none.check();
    assertThat(none.visibleProperty().get()).isFalse();

    server.failure = new CallException("Could not reach the server.", (String) null);
    UpdateViewModel failing = model("0.1.0", DEBIAN);
    failing.check();
    assertThat(failing.visibleProperty().get()).isFalse();
    assertThat(failing.messageProperty().get()).isEmpty();
  }

  @Test
  void picksThePackageThisComputerInstalls() {
    server.latest = Optional.of(new ClientRelease("1.2.0", "linux", "x86_64", List.of(DEB, RPM)));
    UpdateViewModel fedora = model("1.0.0", new InstallerChoice("linux", "x86_64", List.of("rpm", "deb")));
    fedora.check();
    assertThat(fedora.installerProperty().get()).isEqualTo(RPM);

    server.latest = Optional.of(new ClientRelease("1.2.0", "linux", "x86_64", List.of(RPM)));
    UpdateViewModel debianOnly = model("1.0.0", new InstallerChoice("linux", "x86_64", List.of("deb")));
    debianOnly.check();
    assertThat(debianOnly.visibleProperty().get()).isTrue();
    assertThat(debianOnly.installerProperty().get()).isNull();
    assertThat(debianOnly.statusProperty().get()).isNotEmpty();
    debianOnly.download();
    assertThat(server.downloaded).isEmpty();
  }

  @Test
  void downloadsWithProgressThenOffersToOpenTheFile() throws IOException {
    server.latest = Optional.of(new ClientRelease("1.2.0", "linux", "x86_64", List.of(DEB, RPM)));
    UpdateViewModel model = model("1.0.0", DEBIAN);
    model.check();

    model.download();

    Path saved = downloads.resolve("convene_1.2.0_amd64.deb");
    assertThat(server.downloaded).containsExactly(DEB);
    assertThat(progressSeen).containsSubsequence(0.5, 1.0);
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    assertThat(model.downloadingProperty().get()).isFalse();
    assertThat(model.downloadedProperty().get()).isEqualTo(saved);
    assertThat(model.statusProperty().get()).contains(saved.toString());
    assertThat(Files.readAllBytes(saved)).containsExactly(1, 2, 3, 4);

    model.openDownloaded();
    assertThat(opened).containsExactly(saved);
  }

  @Test
  void showsADownloadFailureAndAllowsAnotherTry() {
    server.latest = Optional.of(new ClientRelease("1.2.0", "linux", "x86_64", List.of(DEB)));
    UpdateViewModel model = model("1.0.0", DEBIAN);
    model.check();
    server.failure = new CallException("The download was cut off. Try again.", (String) null);

    model.download();

    assertThat(model.statusProperty().get()).isEqualTo("The download was cut off. Try again.");
    assertThat(model.downloadingProperty().get()).isFalse();
    assertThat(model.downloadedProperty().get()).isNull();
    model.dismiss();
    assertThat(model.visibleProperty().get()).isFalse();
  }
}
