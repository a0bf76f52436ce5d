package com.convene.backend.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// A real S3-compatible server for the S3 tests: Adobe's S3Mock (a Spring Boot application) run from its executable
/// jar in its own JVM, so its Spring and Tomcat never meet the backend's Micronaut on one class path (decision 053).
///
/// Started once per test JVM on a free loopback port with one bucket, [#BUCKET]; stopped by a shutdown hook.
/// The jar is copied to `target/s3mock/s3mock.jar` by the backend's `maven-dependency-plugin` (system property
/// `convene.test.s3mock-jar`).
public final class S3MockServer {
    /// The bucket S3Mock creates at start.
    public static final String BUCKET = "convene-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static S3MockServer shared;

    private final Process process;
    private final String endpoint;

    private S3MockServer(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /// The server of this JVM, started at the first call (about 5–15 s).
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3mock-stop"));
        }
        return shared;
    }

    /// `http://127.0.0.1:<port>`, for path-style requests.
    public String endpoint() {
        return endpoint;
    }

    /// Backend properties that select the `s3` provider against this server (any key pair is accepted).
    public Map<String, String> properties(String partSize) {
        return Map.of("convene.storage.provider", "s3",
                "convene.storage.s3.endpoint", endpoint,
                "convene.storage.s3.region", "us-east-1",
                "convene.storage.s3.bucket", BUCKET,
                "convene.storage.s3.path-style", "true",
                "convene.storage.s3.access-key-id", "test-key",
                "convene.storage.s3.secret-access-key", "test-secret",
                "convene.storage.s3.part-size", partSize);
    }

    private static S3MockServer start() {
        try {
            Path jar = Path.of(System.getProperty("convene.test.s3mock-jar", "target/s3mock/s3mock.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("S3Mock jar missing (run through Maven): " + jar);
            }
            Path directory = Files.createDirectories(jar.getParent().resolve("run-" + ProcessHandle.current().pid()));
            int httpPort = freePort();
            int httpsPort = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toAbsolutePath().toString(),
                    "--com.adobe.testing.s3mock.http-port=" + httpPort, "--server.port=" + httpsPort,
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + directory.resolve("store"),
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false"));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.to(directory.resolve("s3mock.log").toFile()));
            Process process = builder.start();
            String endpoint = "http://127.0.0.1:" + httpPort;
            S3MockServer server = new S3MockServer(process, endpoint);
            server.awaitBucket(directory.resolve("s3mock.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Waits until `HEAD /<bucket>` answers 200: the server is up and the bucket exists.
    private void awaitBucket(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/" + BUCKET).toURL().openConnection();
                c.setRequestMethod("HEAD");
                c.setConnectTimeout(500);
                c.setReadTimeout(2_000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200); // polling a child process' port: nothing to wait on instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("S3Mock did not start within " + START_TIMEOUT + "; see " + log);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
