package com.convene.backend.devservices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A `redis-server` child process bound to loopback, without persistence (`--save '' --appendonly no`): room and
/// session state are caches with TTLs (seed 000), so losing them on restart is by design.
///
/// Output goes to `redis.log` in the working directory. The server ends with this JVM however the JVM ends (also
/// SIGKILL): a [ParentWatchdog] sends it SIGTERM, then SIGKILL after 5 s; one left over from a run whose watchdog
/// was killed as well is found through `redis.pid` beside the working directory and stopped at the next start
/// (docs/decisions/087-dev-services-die-with-parent.md). Tests [#stop()] and [#restart()] it (on the same port)
/// to prove that calls survive a Redis outage. Thread-safe.
public final class RedisServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisServerProcess.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    /// How long the server may take to exit on SIGTERM before SIGKILL.
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String command;
    private final Path workingDir;
    private final int port;
    private @Nullable Process process;
    private @Nullable ServiceGuard guard;

    private RedisServerProcess(String command, Path workingDir, int port) {
        this.command = command;
        this.workingDir = workingDir;
        this.port = port;
    }

    /// Stops a stale server of an earlier run recorded beside `workingDir` ([ServiceGuard#stopStale]), starts the
    /// server and waits until it answers `PING`.
    ///
    /// @param command    `redis-server` command or path
    /// @param workingDir directory for the log (created if missing)
    /// @param port       TCP port on 127.0.0.1, 1–65,535
    public static RedisServerProcess start(String command, Path workingDir, int port) throws IOException {
        Files.createDirectories(workingDir);
        RedisServerProcess server = new RedisServerProcess(command, workingDir, port);
        server.restart();
        return server;
    }

    /// Starts the stopped server again on the same port, empty, and waits until it answers `PING`. No-op while
    /// it runs.
    public synchronized void restart() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        ServiceGuard.stopStale(workingDir, "TERM", STOP_GRACE);
        ProcessBuilder builder = new ProcessBuilder(List.of(command,
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", workingDir.toString(),
                "--daemonize", "no",
                "--protected-mode", "yes"));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(workingDir.resolve("redis.log").toFile()));
        process = builder.start();
        try {
            guard = ServiceGuard.watch(process.pid(), workingDir, "TERM", STOP_GRACE);
            awaitPong();
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("redis-server started: port={} pid={} dir={}", port, process.pid(), workingDir);
    }

    /// The Redis URI, `redis://127.0.0.1:<port>`.
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /// The TCP port on 127.0.0.1.
    public int port() {
        return port;
    }

    private void awaitPong() throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with code " + process.exitValue() + " (see redis.log)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                if ("+PONG".equals(line)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IOException("redis-server did not answer PING within " + STARTUP_TIMEOUT, last);
    }

    /// Stops the server with SIGTERM, then SIGKILL after 5 s, and ends its watchdog; [#restart()] starts it again.
    /// No-op when stopped.
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            LOG.info("redis-server stopped: port={}", port);
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
            LOG.info("redis-server killed (SIGKILL)");
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }

    /// Stops the server for good (same as [#stop()]).
    @Override
    public void close() {
        stop();
    }
}
