package com.convene.backend.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// [ServicePidFile#stopStale] stops a recorded process only when it is really the one recorded (same pid *and*
/// start time) and its owner is gone; a real `sleep` process stands in for the service and real signals are sent.
class ServicePidFileTest {

    @TempDir
    Path dir;
    private Process sleeper;
    private ProcessIdentity service;

    @BeforeEach
    void startService() throws IOException {
        sleeper = new ProcessBuilder("sleep", "120").start();
        service = ProcessIdentity.of(sleeper.pid()).orElseThrow();
    }

    @AfterEach
    void stopService() {
        sleeper.destroyForcibly();
    }

    @Test
    void stopsARecordedProcessWhoseOwnerIsGone() throws Exception {
        Path file = dir.resolve("svc.pid");
        Files.writeString(file, line(service, deadOwner()));

        Optional<ProcessIdentity> stopped = ServicePidFile.stopStale(file, "TERM", Duration.ofSeconds(2),
                dir.resolve("watchdog.log"));

        assertEquals(Optional.of(service), stopped);
        assertTrue(sleeper.waitFor(1, TimeUnit.SECONDS), "the stale process ended");
        assertEquals(143, sleeper.exitValue(), "ended by SIGTERM (128 + 15)");
        assertFalse(Files.exists(file), "the pid file is gone");
        assertTrue(Files.readString(dir.resolve("watchdog.log")).contains("SIGTERM to pid " + service.pid()));
    }

    @Test
    void leavesAProcessWhoseStartTimeDiffersAlone() throws Exception {
        Path file = dir.resolve("svc.pid");
        ProcessIdentity reused = new ProcessIdentity(service.pid(), service.startTicks() - 1, service.name());
        Files.writeString(file, line(reused, deadOwner()));

        assertEquals(Optional.empty(), ServicePidFile.stopStale(file, "TERM", Duration.ofSeconds(2),
                dir.resolve("watchdog.log")));
        assertTrue(sleeper.isAlive(), "a pid now used by another process is not signalled");
    }

    @Test
    void leavesAProcessWhoseOwnerStillRunsAlone() throws Exception {
        Path file = dir.resolve("svc.pid");
        ServicePidFile.record(file, service);

        assertEquals(Optional.empty(), ServicePidFile.stopStale(file, "TERM", Duration.ofSeconds(2),
                dir.resolve("watchdog.log")));
        assertTrue(sleeper.isAlive(), "a service whose owner (this JVM) runs is not stale");
    }

    @Test
    void ignoresAndDeletesAMalformedPidFile() throws Exception {
        Path file = dir.resolve("svc.pid");
        Files.writeString(file, sleeper.pid() + " not-a-number\n");

        assertEquals(Optional.empty(), ServicePidFile.stopStale(file, "TERM", Duration.ofSeconds(2),
                dir.resolve("watchdog.log")));
        assertTrue(sleeper.isAlive(), "nothing is signalled on a malformed record");
        assertFalse(Files.exists(file), "the malformed file is removed");
    }

    @Test
    void watchdogStopsItsProcessWhenItsPipeCloses() throws Exception {
        ParentWatchdog watchdog = ParentWatchdog.start(service, "TERM", Duration.ofSeconds(2),
                dir.resolve("watchdog.log"));
        assertFalse(sleeper.waitFor(300, TimeUnit.MILLISECONDS), "nothing happens while this JVM holds the pipe");

        watchdog.close();

        assertTrue(sleeper.waitFor(1, TimeUnit.SECONDS), "closing the pipe (as the kernel does when the JVM dies)"
                + " makes the watchdog stop the process");
        assertEquals(143, sleeper.exitValue(), "ended by SIGTERM (128 + 15)");
    }

    private static String line(ProcessIdentity service, ProcessIdentity owner) {
        return service.pid() + " " + service.startTicks() + " " + service.name() + " " + owner.pid() + " "
                + owner.startTicks() + "\n";
    }

    /// A process that has exited (and been reaped), as the owner of a stale record.
    private static ProcessIdentity deadOwner() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return new ProcessIdentity(p.pid(), 1, "true");
    }
}
