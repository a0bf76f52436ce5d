package com.convene.backend.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A single-node Apache Cassandra 5.0 in its own JVM (a child process), bound to 127.0.0.1 on free native and
/// storage ports, with a generated minimal `cassandra.yaml` and its own data directory.
///
/// The classpath of `org.apache.cassandra:cassandra-all` comes from the `dev-cassandra` module's jar
/// (`META-INF/convene/cassandra.classpath`, written at build time), so none of Cassandra's libraries reach this
/// JVM. The child runs on JDK 17 by default (docs/decisions/020-cassandra-dev-jvm.md): Cassandra 5.0 supports
/// JDK 11 and 17 only. Ready in about 8–15 s. [#stop()] and [#start()] can be repeated on the same ports and
/// data, which the degradation tests use to take Cassandra away in the middle of a call.
///
/// The child ends with this JVM however the JVM ends (also SIGKILL): a [ParentWatchdog] sends it SIGTERM, then
/// SIGKILL after 30 s. One left over from a run whose watchdog was killed as well is found through
/// `<directory>.pid` beside the directory and stopped at the next start, also before the directory is wiped
/// ([#stopStale(Path)]); see docs/decisions/087-dev-services-die-with-parent.md. Thread-safe: start and stop are
/// synchronized.
public final class CassandraServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraServerProcess.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /// Resource in the `dev-cassandra` jar listing the `cassandra-all` runtime classpath (`:`-separated paths).
    static final String CLASSPATH_RESOURCE = "META-INF/convene/cassandra.classpath";
    /// Local datacenter name of the single node (SimpleSnitch); clients must name it.
    public static final String DATACENTER = "datacenter1";

    /// JVM options Cassandra 5.0 needs on JDK 17 (from its `conf/jvm17-server.options`).
    private static final List<String> JDK17_OPTIONS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED");

    private final String javaCommand;
    private final String classpath;
    private final Path directory;
    private final int nativePort;
    private final int storagePort;
    private Process process;
    private ServiceGuard guard;

    private CassandraServerProcess(String javaCommand, String classpath, Path directory, int nativePort,
                                   int storagePort) {
        this.javaCommand = javaCommand;
        this.classpath = classpath;
        this.directory = directory;
        this.nativePort = nativePort;
        this.storagePort = storagePort;
    }

    /// The `cassandra-all` classpath from the `dev-cassandra` jar, if that jar is on this JVM's classpath.
    public static Optional<String> bundledClasspath() {
        try (InputStream in = CassandraServerProcess.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return cp.isEmpty() ? Optional.empty() : Optional.of(cp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    /// Writes the configuration, starts the child JVM and waits until the CQL port accepts connections.
    ///
    /// @param javaCommand `java` executable of a JDK 11 or 17
    /// @param classpath   `cassandra-all` runtime classpath
    /// @param directory   working and data directory (created if missing; kept across [#stop()]/[#start()])
    /// @param nativePort  CQL native protocol port on 127.0.0.1, 1–65,535
    /// @param storagePort inter-node storage port on 127.0.0.1, 1–65,535
    /// @throws IOException when the JVM exits or the port does not open within 120 s
    public static CassandraServerProcess start(String javaCommand, String classpath, Path directory, int nativePort,
                                               int storagePort) throws IOException {
        CassandraServerProcess server = new CassandraServerProcess(javaCommand, classpath, directory, nativePort,
                storagePort);
        server.start();
        return server;
    }

    /// Stops a Cassandra JVM an earlier run left in `directory` (recorded in `<directory>.pid`), if any; call before
    /// wiping the directory. Blocks up to 35 s.
    ///
    /// @throws IOException when the pid file cannot be read or the stale JVM survives SIGKILL
    public static void stopStale(Path directory) throws IOException {
        ServiceGuard.stopStale(directory, "TERM", STOP_TIMEOUT);
    }

    /// (Re)starts the child JVM on the same ports and data after stopping a stale one ([#stopStale(Path)]); no-op
    /// when it is running.
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        stopStale(directory);
        Files.createDirectories(directory);
        Path yaml = directory.resolve("cassandra.yaml");
        Path logback = directory.resolve("logback.xml");
        Files.writeString(yaml, yaml(), StandardCharsets.UTF_8);
        Files.writeString(logback, logback(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(List.of("-Xms512M", "-Xmx1G", "-XX:+ExitOnOutOfMemoryError", "-Djdk.attach.allowAttachSelf=true"));
        command.addAll(JDK17_OPTIONS);
        command.addAll(List.of(
                "-Dcassandra.config=" + yaml.toUri(),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.storagedir=" + directory.resolve("data"),
                "-Dcassandra.logdir=" + directory,
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dlogback.configurationFile=" + logback,
                "-cp", classpath,
                "org.apache.cassandra.service.CassandraDaemon"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()));
        long startedNanos = System.nanoTime();
        process = builder.start();
        try {
            guard = ServiceGuard.watch(process.pid(), directory, "TERM", STOP_TIMEOUT);
            awaitNativePort();
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Cassandra started: nativePort={} pid={} dir={} millis={}", nativePort, process.pid(), directory,
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /// CQL contact point, `127.0.0.1:<nativePort>`.
    public String contactPoint() {
        return "127.0.0.1:" + nativePort;
    }

    /// CQL native protocol port.
    public int nativePort() {
        return nativePort;
    }

    /// Whether the child JVM is running.
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String yaml() {
        Path data = directory.resolve("data");
        return """
                cluster_name: convene-dev
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                data_file_directories: [%1$s/data]
                commitlog_directory: %1$s/commitlog
                saved_caches_directory: %1$s/saved_caches
                hints_directory: %1$s/hints
                cdc_raw_directory: %1$s/cdc_raw
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "127.0.0.1:%2$d"
                listen_address: 127.0.0.1
                rpc_address: 127.0.0.1
                storage_port: %2$d
                native_transport_port: %3$d
                start_native_transport: true
                endpoint_snitch: SimpleSnitch
                authenticator: AllowAllAuthenticator
                authorizer: AllowAllAuthorizer
                """.formatted(data, storagePort, nativePort);
    }

    private String logback() {
        return """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(directory.resolve("cassandra.log"));
    }

    private void awaitNativePort() throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Cassandra exited with code " + process.exitValue() + " (see "
                        + directory.resolve("cassandra.log") + ")");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nativePort), 500);
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Cassandra", e);
            }
        }
        throw new IOException("Cassandra did not open port " + nativePort + " within " + STARTUP_TIMEOUT);
    }

    /// Stops the child JVM with SIGTERM (Cassandra drains and flushes, about 5 s), then SIGKILL after 30 s.
    /// Data stays; [#start()] brings it back. Also ends the child's watchdog. Idempotent.
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            LOG.info("Cassandra stopped: nativePort={}", nativePort);
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }

    /// Kills the server with SIGKILL, as a crash or the OOM killer would (nothing is flushed or closed cleanly), and
    /// ends its watchdog; the start method brings it back. For fault tests. No-op when stopped.
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Cassandra killed (SIGKILL)");
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
