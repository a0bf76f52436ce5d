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

/// What the watchdogs cannot catch (docs/decisions/087-dev-services-die-with-parent.md): a service left running
/// because its watchdog was SIGKILLed with its JVM is stopped by the next start in the same directory. Real
/// `redis-server` and PostgreSQL started by [DevServicesMain] in a child JVM, real signals; about 25 s per test.
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

    /// Kept data (the application's dev services, `clean = false`): a postmaster left running on the cluster,
    /// recorded nowhere but in PostgreSQL's own `postmaster.pid` (our pid file deleted), is found and stopped, so
    /// the next start gets the data-directory lock and finds the rows written before.
    @Test
    void nextStartStopsAStalePostmasterFoundThroughItsOwnPidFileAndKeepsTheData() throws Exception {
        Path dir = DevServicesChildJvm.freshDirectory("devservices-stale", "kept");
        try (DevServicesChildJvm child = DevServicesChildJvm.start(dir, false, false, false)) {
            ProcessHandle postgres = child.postmaster();
            try (Connection c = DriverManager.getConnection(child.jdbcUrl(), DevServices.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int)");
                s.execute("INSERT INTO kept VALUES (1), (2), (3)");
            }
            List<ProcessHandle> watchdogs = child.watchdogs();
            watchdogs.forEach(ProcessHandle::destroyForcibly);
            DevServicesChildJvm.awaitGone(watchdogs, Duration.ofSeconds(5));
            child.jvm().destroyForcibly();
            assertTrue(child.jvm().waitFor(10, TimeUnit.SECONDS), "the JVM dies on SIGKILL");
            Files.delete(dir.resolve("data/postgres.pid"));
            assertTrue(DevServicesChildJvm.running(postgres), "without its watchdog the postmaster outlives the JVM");

            try (DevServices next = DevServices.start(new DevServicesSettings(true, dir.resolve("data"), false,
                    "redis-server", DevServicesSettings.NO_CASSANDRA));
                 Connection c = DriverManager.getConnection(next.jdbcUrl(), DevServices.USER, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                assertFalse(DevServicesChildJvm.running(postgres), "the stale postmaster was stopped");
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1), "rows written before the kill");
            }
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
