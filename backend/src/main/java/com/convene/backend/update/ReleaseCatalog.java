package com.convene.backend.update;

import com.convene.backend.problem.ProblemType;
import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import com.convene.model.api.ReleaseVersion;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desktop releases, read from the installer files in [UpdateConfig#directory] on every call (a handful of
/// files; an administrator drops a new installer in and it is served at once, no restart and no manifest).
///
/// Blocking file IO: call from a blocking executor. Thread-safe (no state but the directory).
@Singleton
class ReleaseCatalog {
    /// Operating systems a client may ask for.
    static final List<String> OPERATING_SYSTEMS = List.of("linux", "windows", "macos");
    /// Architectures a client may ask for.
    static final List<String> ARCHITECTURES = List.of("x86_64", "aarch64");
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseCatalog.class);

    private final Path directory;

    ReleaseCatalog(UpdateConfig config) {
        this.directory = Path.of(config.directory()).toAbsolutePath();
    }

    /// The newest release for `os`/`arch` (both already validated): the highest version among the files serving
    /// them, with every file of that version (one per package type), or empty when there is none.
    Optional<ClientRelease> latest(String os, String arch) {
        List<InstallerFile> serving = installers().stream().filter(f -> f.serves(os, arch)).toList();
        Optional<ReleaseVersion> newest = serving.stream().map(InstallerFile::version).max(Comparator.naturalOrder());
        return newest.map(version -> new ClientRelease(version.toString(), os, arch, serving.stream()
                .filter(f -> f.version().compareTo(version) == 0 && f.version().toString().equals(version.toString()))
                .sorted(Comparator.comparingInt(f -> InstallerFile.PACKAGE_TYPES.indexOf(f.packageType())))
                .map(this::download)
                .toList()));
    }

    /// The file `fileName` of release `version`, when it is a recognised installer of that version in the directory.
    ///
    /// @throws UpdateException `not-found` otherwise
    Path file(String version, String fileName) {
        return installers().stream()
                .filter(f -> f.fileName().equals(fileName) && f.version().toString().equals(version))
                .findFirst()
                .map(f -> directory.resolve(f.fileName()))
                .orElseThrow(() -> new UpdateException(ProblemType.NOT_FOUND,
                        "There is no installer " + fileName + " of version " + version + "."));
    }

    private ClientDownload download(InstallerFile file) {
        return new ClientDownload(file.packageType(), file.fileName(), size(directory.resolve(file.fileName())),
                "/api/v1/client/releases/" + file.version() + "/" + file.fileName());
    }

    /// Every regular file of the directory whose name is an installer's.
    private List<InstallerFile> installers() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> InstallerFile.parse(p.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("Cannot list the update directory {}: {}", directory, e.toString());
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
