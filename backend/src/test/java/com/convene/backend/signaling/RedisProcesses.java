package com.convene.backend.signaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Finds a test's `redis-server` child process by its port, to send it SIGKILL, SIGSTOP or SIGCONT. Reads
/// `/proc/<pid>/cmdline` (Linux): Redis rewrites its process title to `redis-server 127.0.0.1:<port>`, which
/// `ProcessHandle.Info` does not report.
public final class RedisProcesses {

    private RedisProcesses() {}

    /// The child of this JVM whose command line names `port`, 1–65,535.
    ///
    /// @throws IllegalStateException when there is none
    public static ProcessHandle find(int port) {
        return ProcessHandle.current().children()
                .filter(p -> commandLine(p).contains(":" + port) || commandLine(p).contains("--port\0" + port + "\0"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-server on port " + port + " not found"));
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }
}
