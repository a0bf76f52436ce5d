package com.convene.backend.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// What the watchdogs cannot catch, and the scripts' side (docs/decisions/087-dev-services-die-with-parent.md):
/// a service left running because its watchdog was SIGKILLed with its JVM is stopped by the next start, and
/// [DevServicesMain] with `--until-stdin-closes` ends with whoever holds its stdin. Real `redis-server` and
/// PostgreSQL in a child JVM, real signals; about 25 s per test.
class StaleDevServicesIT {

    private static final Logger LOG = LoggerFactory.getLogger(StaleDevServicesIT.class);

    /// When the watchdogs are SIGKILLed before the JVM, redis-server and the postmaster outlive it (stale); the next
    /// DevServices.start in the same directory stops both (pid files beside their directories) and starts fresh
    /// ones that answer, and its close leaves no pid file.
    @Test
    void nextStartStopsServicesWhoseJvmAndWatchdogsWereKilled() throws Exception {
        Path dir = DevServicesChildJvm.freshDirectory("devservices-stale", "stale");
        try (DevServicesChildJvm child = DevServicesChildJvm.start(dir, false, false)) {
            ProcessHandle redis = child.only("redis-server");
            ProcessHandle postgres = child.postmaster();
            List<ProcessHandle> watchdogs = child.watchdogs();
            assertEquals(2, watchdogs.size(), "one watchdog each for redis-server and PostgreSQL");

            watchdogs.forEach(ProcessHandle::destroyForcibly);
            DevServicesChildJvm.awaitGone(watchdogs, Duration.ofSeconds(5));
            child.jvm().destroyForcibly();
            assertTrue(child.jvm().waitFor(10, TimeUnit.SECONDS), "the JVM dies on SIGKILL");
            Thread.sleep(1000);
            assertTrue(DevServicesChildJvm.running(redis), "without its watchdog redis-server outlives the JVM");
            assertTrue(DevServicesChildJvm.running(postgres), "without its watchdog the postmaster outlives the JVM");

            long startNanos = System.nanoTime();
            try (DevServices next = DevServices.start(new DevServicesSettings(true, dir.resolve("data"), true,
                    "redis-server", DevServicesSettings.NO_CASSANDRA))) {
                LOG.info("Next start with two stale services took {} ms",
                        (System.nanoTime() - startNanos) / 1_000_000);
                assertFalse(DevServicesChildJvm.running(redis), "the stale redis-server was stopped");
                assertFalse(DevServicesChildJvm.running(postgres), "the stale postmaster was stopped");
                try (Connection c = DriverManager.getConnection(next.jdbcUrl(), DevServices.USER, "");
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
                assertEquals("+PONG", ping(URI.create(next.redisUri()).getPort()));
                assertTrue(Files.exists(dir.resolve("data/redis.pid")), "pid file of the new redis-server");
                assertTrue(Files.exists(dir.resolve("data/postgres.pid")), "pid file of the new postmaster");
            }
            assertFalse(Files.exists(dir.resolve("data/redis.pid")), "close removes the pid file");
            assertFalse(Files.exists(dir.resolve("data/postgres.pid")), "close removes the pid file");
        }
    }

    /// With `--until-stdin-closes`, DevServicesMain exits by itself (status 0) when the other end of its stdin
    /// closes, as scripts/test-inside.sh's FIFO does when the script ends, and stops redis-server and the
    /// postmaster the clean way: their pid files are removed.
    @Test
    void devServicesMainStopsWhenItsStdinCloses() throws Exception {
        Path dir = DevServicesChildJvm.freshDirectory("devservices-stale", "stdin");
        try (DevServicesChildJvm child = DevServicesChildJvm.start(dir, false, true)) {
            ProcessHandle redis = child.only("redis-server");
            ProcessHandle postgres = child.postmaster();

            long closedNanos = System.nanoTime();
            child.jvm().getOutputStream().close();

            assertTrue(child.jvm().waitFor(30, TimeUnit.SECONDS), "DevServicesMain exits when its stdin closes");
            assertEquals(0, child.jvm().exitValue());
            DevServicesChildJvm.awaitGone(List.of(redis, postgres), Duration.ofSeconds(5));
            LOG.info("DevServicesMain and its services gone {} ms after its stdin closed",
                    (System.nanoTime() - closedNanos) / 1_000_000);
            assertFalse(Files.exists(dir.resolve("data/redis.pid")), "stopped cleanly: pid file removed");
            assertFalse(Files.exists(dir.resolve("data/postgres.pid")), "stopped cleanly: pid file removed");
        }
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
