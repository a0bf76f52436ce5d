package com.convene.backend.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/// One Linux process, told apart from a later process that reuses its pid by its start time: field 22
/// (`starttime`, clock ticks since boot) of `/proc/<pid>/stat` (proc(5)). Immutable.
///
/// @param pid        process id, 1 or more
/// @param startTicks start time in clock ticks after boot (`sysconf(_SC_CLK_TCK)`, 100 per second on Linux)
/// @param name       the kernel's `comm` of the process, e.g. `redis-server`, `postgres`, `java` (at most 15 bytes)
record ProcessIdentity(long pid, long startTicks, String name) {

    /// The process with this pid now, if any (a zombie counts as gone).
    ///
    /// @param pid process id
    /// @throws java.io.UncheckedIOException when `/proc/<pid>/stat` exists but cannot be read
    static Optional<ProcessIdentity> of(long pid) {
        Optional<String> stat = readStat(pid);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        String text = stat.get();
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String name = text.substring(open + 1, close);
        // fields from 3 (state) on; the name in parentheses may itself hold spaces and parentheses
        String[] rest = text.substring(close + 2).trim().split(" ");
        String state = rest[0];
        if (state.equals("Z") || state.equals("X") || rest.length < 20) {
            return Optional.empty();
        }
        return Optional.of(new ProcessIdentity(pid, Long.parseLong(rest[19]), name));
    }

    /// This JVM.
    static ProcessIdentity current() {
        long pid = ProcessHandle.current().pid();
        return of(pid).orElseThrow(() -> new IllegalStateException("no /proc entry for this JVM (pid " + pid + ")"));
    }

    /// Whether this very process still runs: a process with the same pid, the same start time and not a zombie.
    boolean isRunning() {
        return of(pid).map(now -> now.startTicks == startTicks).orElse(false);
    }

    private static Optional<String> readStat(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.notExists(Path.of("/proc", Long.toString(pid)))) {
                return Optional.empty();
            }
            throw new java.io.UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
    }
}
