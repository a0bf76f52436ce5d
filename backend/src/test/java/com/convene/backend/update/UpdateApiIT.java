package com.convene.backend.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// The update check over HTTP against the real backend: the newest release per OS and architecture by semantic
/// version among jpackage-named files, anonymous downloads with exact `Content-Length` and ranges, and problems
/// for bad input (400) and unknown files (404).
@MicronautTest(transactional = false)
class UpdateApiIT extends BackendTestSupport {
    private static final byte[] DEB = bytes(300_000, 1);
    private static final Path DIRECTORY = createDirectory();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestServices.properties());
        props.put("convene.update.directory", DIRECTORY.toString());
        return props;
    }

    private static Path createDirectory() {
        try {
            Path dir = Files.createTempDirectory("convene-releases");
            Files.write(dir.resolve("convene_0.9.0_amd64.deb"), bytes(10, 2));
            Files.write(dir.resolve("convene_0.10.0_amd64.deb"), DEB);
            Files.write(dir.resolve("convene-0.10.0-1.x86_64.rpm"), bytes(2_000, 3));
            Files.write(dir.resolve("convene_0.11.0-rc.1_amd64.deb"), bytes(10, 4)); // not a deb name: ignored
            Files.write(dir.resolve("convene_0.12.0_arm64.deb"), bytes(10, 5));
            Files.write(dir.resolve("Convene-0.9.5.msi"), bytes(10, 6));
            Files.write(dir.resolve("Convene-1.0.0-beta.dmg"), bytes(10, 7));
            Files.write(dir.resolve("Convene-1.0.0-beta.pkg"), bytes(10, 8));
            Files.write(dir.resolve("Convene-0.99.0.dmg"), bytes(10, 9));
            Files.write(dir.resolve("README.txt"), bytes(10, 10));
            Files.write(dir.resolve("convene_99.0.0_amd64.deb.part"), bytes(10, 11));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private ClientRelease latest(String query) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/client/releases/latest?" + query),
                ClientRelease.class);
    }

    @Test
    void returnsTheHighestSemanticVersionWithEveryPackageOfIt() {
        ClientRelease linux = latest("os=linux&arch=x86_64");

        assertThat(linux.version()).isEqualTo("0.10.0");
        assertThat(linux.downloads()).extracting(ClientDownload::packageType).containsExactly("deb", "rpm");
        assertThat(linux.downloads().getFirst()).isEqualTo(new ClientDownload("deb", "convene_0.10.0_amd64.deb",
                DEB.length, "/api/v1/client/releases/0.10.0/convene_0.10.0_amd64.deb"));
    }

    @Test
    void choosesByOperatingSystemAndArchitecture() {
        assertThat(latest("os=linux&arch=aarch64").version()).isEqualTo("0.12.0");
        assertThat(latest("os=LINUX&arch=arm64").downloads()).extracting(ClientDownload::fileName)
                .containsExactly("convene_0.12.0_arm64.deb");
        assertThat(latest("os=windows&arch=amd64").downloads()).extracting(ClientDownload::fileName)
                .containsExactly("Convene-0.9.5.msi");
        // a pre-release sorts after every lower version (0.99.0) and a macOS file serves both architectures
        ClientRelease mac = latest("os=macos&arch=aarch64");
        assertThat(mac.version()).isEqualTo("1.0.0-beta");
        assertThat(mac.downloads()).extracting(ClientDownload::packageType).containsExactly("dmg", "pkg");
    }

    @Test
    void answersAnonymouslyAndSignedIn() {
        ClientRelease signedIn = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/client/releases/latest?os=linux&arch=x86_64").bearerAuth(newMemberToken()),
                ClientRelease.class);
        assertThat(signedIn).isEqualTo(latest("os=linux&arch=x86_64"));
    }

    @Test
    void servesTheWholeFileWithItsLength() {
        HttpResponse<byte[]> whole = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/client/releases/0.10.0/convene_0.10.0_amd64.deb"), byte[].class);

        assertThat(whole.code()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(DEB.length));
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Disposition")).contains("convene_0.10.0_amd64.deb");
        assertThat(whole.body()).isEqualTo(DEB);
    }

    @Test
    void servesRanges() {
        HttpResponse<byte[]> part = client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/client/releases/0.10.0/convene_0.10.0_amd64.deb").header("Range", "bytes=1000-1999"),
                byte[].class);
        assertThat(part.code()).isEqualTo(HttpStatus.PARTIAL_CONTENT.getCode());
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/" + DEB.length);
        assertThat(part.header("Content-Length")).isEqualTo("1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(DEB, 1000, 2000));

        HttpResponse<byte[]> resume = client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/client/releases/0.10.0/convene_0.10.0_amd64.deb").header("Range", "bytes=299000-"),
                byte[].class);
        assertThat(resume.body()).isEqualTo(Arrays.copyOfRange(DEB, 299_000, DEB.length));

        HttpResponse<?> outside = expectError(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/client/releases/0.10.0/convene_0.10.0_amd64.deb").header("Range", "bytes=400000-")));
        assertThat(problem(outside).type()).isEqualTo(ProblemType.RANGE_NOT_SATISFIABLE.uri().toString());
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + DEB.length);
    }

    @Test
    void refusesUnknownOrMalformedInput() {
        for (String query : new String[] {"os=beos&arch=x86_64", "os=linux&arch=sparc", "arch=x86_64", "os=linux"}) {
            HttpResponse<?> bad = expectError(() -> latest(query));
            assertThat(bad.code()).as(query).isEqualTo(400);
            assertThat(problem(bad).type()).isEqualTo(ProblemType.VALIDATION.uri().toString());
        }
        HttpResponse<?> badVersion = expectError(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/client/releases/latest-ish/convene_0.10.0_amd64.deb")));
        assertThat(badVersion.code()).isEqualTo(400);
        assertThat(problem(badVersion).type()).isEqualTo(ProblemType.VALIDATION.uri().toString());
    }

    @Test
    void answersNotFoundForFilesThatAreNotInstallersOfThatVersion() {
        for (String path : new String[] {"0.10.0/README.txt", "0.9.0/convene_0.10.0_amd64.deb",
                "0.10.0/convene_0.11.0_amd64.deb", "99.0.0/convene_99.0.0_amd64.deb.part", "0.10.0/..%2FREADME.txt"}) {
            HttpResponse<?> missing = expectError(() -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/v1/client/releases/" + path)));
            assertThat(missing.code()).as(path).isEqualTo(404);
            assertThat(problem(missing).type()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
        }
    }
}
