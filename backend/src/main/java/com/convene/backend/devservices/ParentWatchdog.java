package com.convene.backend.devservices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A tiny `/bin/sh` process that stops one service process when this JVM ends, however it ends (also SIGKILL):
/// it blocks reading its stdin, a pipe whose only writer is this JVM, so it reads end-of-file when the JVM exits
/// and the kernel closes the pipe. It then signals the service (`stopSignal`, e.g. `TERM`, or `INT` for
/// PostgreSQL's fast shutdown), waits up to `grace` and sends `KILL` if the service still runs.
///
/// Linux's `PR_SET_PDEATHSIG` (prctl(2)) would do this without a helper but cannot be set from Java between
/// fork and exec, fires when the forking *thread* ends, and the postmaster is not our child anyway (`pg_ctl`
/// starts it in a session of its own). The watchdog ignores SIGINT, SIGTERM, SIGHUP and SIGQUIT, so Ctrl-C or a
/// kill of the scripts' process group does not take it away before the service; SIGKILL does, which is why
/// every service also has a pid file ([ServicePidFile]).
///
/// The target is named by pid *and* start time ([ProcessIdentity]) and the script compares the start time again
/// before each signal, so a pid the kernel reused for another process is never signalled. The watchdog's own
/// messages are appended to the given log file. Thread-safe.
final class ParentWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);
    /// `argv[0]` of the watchdog, so `ps` shows what it is.
    static final String PROCESS_NAME = "convene-devservices-watchdog";
    /// How long [#close()] and [#stopNow] wait on top of the grace period for the script to finish.
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(5);

    /// The watchdog: `$1` pid, `$2` start ticks, `$3` signal name, `$4` grace in tenths of a second.
    /// Exit status 0: the target was gone already; 2: it stopped on the signal; 3: it needed SIGKILL.
    private static final String SCRIPT = """
            trap '' INT TERM HUP QUIT
            pid=$1 ticks=$2 sig=$3 grace=$4
            running() {
              s=$(cat /proc/"$pid"/stat 2>/dev/null) || return 1
              s=${s##*) }
              set -- $s
              [ "$1" != Z ] && [ "$1" != X ] && [ "${20}" = "$ticks" ]
            }
            while read -r _line; do :; done
            running || exit 0
            echo "$(date -u +%FT%TZ) parent gone: SIG$sig to pid $pid" >&2
            kill -s "$sig" "$pid" 2>/dev/null
            n=0
            while running; do
              if [ "$n" -ge "$grace" ]; then
                echo "$(date -u +%FT%TZ) pid $pid still runs after the grace period: SIGKILL" >&2
                kill -s KILL "$pid" 2>/dev/null
                n=0
                while running && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
                exit 3
              fi
              sleep 0.1
              n=$((n + 1))
            done
            exit 2
            """;

    private final ProcessIdentity target;
    private final Process process;
    private final Duration grace;

    private ParentWatchdog(ProcessIdentity target, Process process, Duration grace) {
        this.target = target;
        this.process = process;
        this.grace = grace;
    }

    /// Starts a watchdog for `target`; it stays blocked until this JVM exits or [#close()] is called.
    ///
    /// @param target     the service process
    /// @param stopSignal signal name for kill(1) without `SIG`: `TERM`, `INT` or `QUIT`
    /// @param grace      how long the service may take to stop before SIGKILL, 0.1 s–10 min
    /// @param log        file the watchdog appends its messages to (its directory must exist)
    /// @throws IOException when `/bin/sh` cannot be started
    static ParentWatchdog start(ProcessIdentity target, String stopSignal, Duration grace, Path log)
            throws IOException {
        Process process = builder(target, stopSignal, grace, log).start();
        return new ParentWatchdog(target, process, grace);
    }

    /// Stops `target` now the same way a watchdog would (verified signal, grace, SIGKILL) and waits for the outcome.
    /// For stale services of an earlier run whose watchdog is gone; blocks up to `grace` plus 5 s.
    ///
    /// @return whether the target is gone afterwards
    /// @throws IOException when `/bin/sh` cannot be started
    static boolean stopNow(ProcessIdentity target, String stopSignal, Duration grace, Path log) throws IOException {
        Process process = builder(target, stopSignal, grace, log).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        awaitExit(process, grace);
        return !target.isRunning();
    }

    private static ProcessBuilder builder(ProcessIdentity target, String stopSignal, Duration grace, Path log)
            throws IOException {
        if (!List.of("TERM", "INT", "QUIT").contains(stopSignal)) {
            throw new IllegalArgumentException("stop signal must be TERM, INT or QUIT: " + stopSignal);
        }
        long graceTenths = Math.max(1, grace.toMillis() / 100);
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder("/bin/sh", "-c", SCRIPT, PROCESS_NAME, Long.toString(target.pid()),
                Long.toString(target.startTicks()), stopSignal, Long.toString(graceTenths))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /// Ends the watchdog: closes its pipe, so it stops the target if that still runs (normally the owner stopped
    /// it already, and the watchdog just exits), and waits for it up to the grace period plus 5 s. Idempotent.
    @Override
    public void close() {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close();
        } catch (IOException e) {
            LOG.debug("Closing the watchdog's pipe failed: pid={}", process.pid(), e);
        }
        awaitExit(process, grace);
        if (process.isAlive()) {
            LOG.warn("Watchdog did not end: pid={} target={}", process.pid(), target);
            process.destroyForcibly();
        }
    }

    private static void awaitExit(Process process, Duration grace) {
        try {
            process.waitFor(grace.plus(EXIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
