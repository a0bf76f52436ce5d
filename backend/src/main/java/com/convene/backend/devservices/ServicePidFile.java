package com.convene.backend.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The pid file of one dev-service process, kept next to that service's directory (e.g. `redis.pid` beside
/// `redis/`), so that a service left running by an earlier run whose JVM and watchdog were both killed is found
/// and stopped at the next start.
///
/// One line: `<pid> <startTicks> <name> <ownerPid> <ownerStartTicks>` ([ProcessIdentity] of the service and of
/// the JVM that started it). A recorded service counts as stale only while it still runs with the same start
/// time and its owner does not: a service another live JVM owns is left alone.
final class ServicePidFile {

    private static final Logger LOG = LoggerFactory.getLogger(ServicePidFile.class);

    private ServicePidFile() {
    }

    /// The pid file for the service whose directory is `serviceDirectory`: `<serviceDirectory>.pid` beside it, so
    /// wiping the directory leaves it.
    static Path beside(Path serviceDirectory) {
        Path dir = serviceDirectory.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".pid");
    }

    /// Records that this JVM runs `service`; replaces the file atomically.
    ///
    /// @throws IOException when the file cannot be written
    static void record(Path file, ProcessIdentity service) throws IOException {
        ProcessIdentity owner = ProcessIdentity.current();
        String line = service.pid() + " " + service.startTicks() + " " + service.name().replace(' ', '_') + " "
                + owner.pid() + " " + owner.startTicks() + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.getParent());
        Files.writeString(tmp, line, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /// Deletes the pid file (after a clean stop); a missing file is fine.
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete pid file {}", file, e);
        }
    }

    /// Stops the service recorded in `file` if it is stale (still runs, its owner does not) and deletes the file.
    /// Blocks up to `grace` plus 5 s when there is one to stop.
    ///
    /// @param stopSignal signal sent first (`TERM`, `INT` or `QUIT`), SIGKILL after `grace`
    /// @param log        file for the stop's messages
    /// @return the stale service that was stopped, if there was one
    /// @throws IOException when the file cannot be read or the service does not stop even on SIGKILL
    static Optional<ProcessIdentity> stopStale(Path file, String stopSignal, Duration grace, Path log)
            throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        ProcessIdentity service;
        ProcessIdentity owner;
        try {
            if (fields.length != 5) {
                throw new NumberFormatException(fields.length + " fields");
            }
            service = new ProcessIdentity(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[2]);
            owner = new ProcessIdentity(Long.parseLong(fields[3]), Long.parseLong(fields[4]), "owner");
        } catch (NumberFormatException malformed) {
            LOG.warn("Ignoring malformed pid file {}: {}", file, malformed.getMessage());
            delete(file);
            return Optional.empty();
        }
        if (!service.isRunning()) {
            delete(file);
            return Optional.empty();
        }
        if (owner.isRunning()) {
            LOG.warn("{} (pid {}) from {} still runs and its owner (pid {}) too; leaving it alone", service.name(),
                    service.pid(), file, owner.pid());
            return Optional.empty();
        }
        LOG.warn("Stopping stale {} (pid {}) left running by an earlier run (pid file {})", service.name(),
                service.pid(), file);
        if (!ParentWatchdog.stopNow(service, stopSignal, grace, log)) {
            throw new IOException("stale " + service.name() + " (pid " + service.pid() + ") does not stop");
        }
        delete(file);
        return Optional.of(service);
    }
}
