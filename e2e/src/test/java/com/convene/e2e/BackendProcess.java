package com.convene.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// The real backend (`com.convene.backend.Application`) in a JVM of its own, for tests that kill it as a crash does
/// (`SIGKILL`, [#kill()]) and start it again ([#start()]) on the same HTTP and media ports, the same services and
/// the same JWT secret, so clients can come back to the same addresses with the same tokens. Its configuration is
/// the shared test backend's ([E2eBackend#configurationWith]) passed as system properties; its output goes to
/// `log`. Not thread-safe: one test drives it.
final class BackendProcess implements AutoCloseable {
  private final Map<String, Object> properties;
  private final Path log;
  private final int httpPort;
  private Process process;

  /// @param overrides configuration on top of the shared backend's (spool, storage, outbox directories, …)
  /// @param httpPort  the HTTP port on [E2eBackend#ADDRESS], kept across restarts
  /// @param udpPort   the SFU's media port on [E2eBackend#ADDRESS], kept across restarts
  BackendProcess(Map<String, Object> overrides, int httpPort, int udpPort, Path log) {
    Map<String, Object> props = new java.util.HashMap<>(E2eBackend.configurationWith(overrides));
    props.put("micronaut.server.port", httpPort);
    props.put("convene.sfu.udp-port", udpPort);
    this.properties = Map.copyOf(props);
    this.httpPort = httpPort;
    this.log = log;
  }

  URI baseUri() {
    return URI.create("http://" + E2eBackend.ADDRESS + ":" + httpPort);
  }

  /// Starts the backend JVM; returns at once (see [#awaitHealthy]).
  void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.convene.backend.Application");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // the services come from the configuration, never from dev services of its own
    builder.environment().put("DATASOURCES_DEFAULT_URL", String.valueOf(properties.get("datasources.default.url")));
    process = builder.start();
  }

  /// Waits until `GET /health` answers 200.
  ///
  /// @return the `System.nanoTime()` of the first 200
  long awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("backend exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(baseUri().resolve("/health"))
            .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 200) {
          return System.nanoTime();
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("backend not healthy within " + timeout + "; see " + log);
  }

  /// Kills the backend JVM with `SIGKILL` (no shutdown hook runs) and waits until it is gone.
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
