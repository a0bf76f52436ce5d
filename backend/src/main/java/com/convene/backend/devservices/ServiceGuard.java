package com.convene.backend.devservices;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/// Ties one running service process to this JVM: a [ParentWatchdog] that stops it when the JVM ends, and a
/// [ServicePidFile] beside the service's directory that lets the next start stop it if the watchdog was killed
/// too. The watchdog logs to `<service-dir>-watchdog.log` beside the directory.
///
/// Used by [RedisServerProcess], [CassandraServerProcess] and [EmbeddedPostgresServer]; see
/// docs/decisions/087-dev-services-die-with-parent.md. Thread-safe.
final class ServiceGuard implements AutoCloseable {

    private final ParentWatchdog watchdog;
    private final Path pidFile;
    private final ProcessIdentity service;

    private ServiceGuard(ParentWatchdog watchdog, Path pidFile, ProcessIdentity service) {
        this.watchdog = watchdog;
        this.pidFile = pidFile;
        this.service = service;
    }

    /// Stops a stale service of an earlier run recorded beside `serviceDirectory`, if there is one; call before
    /// starting (and before wiping) the service. Blocks up to `grace` plus 5 s.
    ///
    /// @return the stale process that was stopped
    /// @throws IOException when the pid file cannot be read or the stale process survives SIGKILL
    static Optional<ProcessIdentity> stopStale(Path serviceDirectory, String stopSignal, Duration grace)
            throws IOException {
        return ServicePidFile.stopStale(ServicePidFile.beside(serviceDirectory), stopSignal, grace,
                log(serviceDirectory));
    }

    /// Starts guarding the running process `pid`: starts its watchdog and records its pid file.
    ///
    /// @param stopSignal signal the watchdog sends first (`TERM`, `INT`, `QUIT`), SIGKILL after `grace`
    /// @throws IOException when the process is already gone, or the watchdog or pid file cannot be created
    static ServiceGuard watch(long pid, Path serviceDirectory, String stopSignal, Duration grace) throws IOException {
        ProcessIdentity service = ProcessIdentity.of(pid)
                .orElseThrow(() -> new IOException("process " + pid + " ended before it could be guarded"));
        ParentWatchdog watchdog = ParentWatchdog.start(service, stopSignal, grace, log(serviceDirectory));
        Path pidFile = ServicePidFile.beside(serviceDirectory);
        try {
            ServicePidFile.record(pidFile, service);
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            throw e;
        }
        return new ServiceGuard(watchdog, pidFile, service);
    }

    private static Path log(Path serviceDirectory) {
        Path dir = serviceDirectory.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + "-watchdog.log");
    }

    /// The guarded service process.
    ProcessIdentity service() {
        return service;
    }

    /// Call after the owner stopped the service: ends the watchdog (which stops the service if it still runs) and
    /// deletes the pid file. Idempotent.
    @Override
    public void close() {
        watchdog.close();
        ServicePidFile.delete(pidFile);
    }
}
