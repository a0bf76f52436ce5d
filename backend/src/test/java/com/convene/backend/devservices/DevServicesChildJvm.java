package com.convene.backend.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/// Test helper: [DevServicesMain] in a child JVM (the test's own class path), and its service processes as seen
/// from outside: the child JVM's descendants by kernel name (`/proc/<pid>/comm`), the postmaster from the
/// cluster's own `postmaster.pid` (`pg_ctl` detaches it, so it is no descendant). Remembers every process it saw;
/// [#close()] SIGKILLs the JVM, gives the watchdogs 40 s to stop the services and then SIGKILLs what is left, so a
/// failed test leaves nothing behind. Not thread-safe; one per test.
final class DevServicesChildJvm implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path dir;
    private final Process jvm;
    private final List<ProcessHandle> seen = new ArrayList<>();

    private DevServicesChildJvm(Path dir, Process jvm) {
        this.dir = dir;
        this.jvm = jvm;
    }

    /// Starts DevServicesMain on `<dir>/data` and waits (up to 3 min) until it has written `<dir>/env`. Its stdin
    /// is a pipe from this JVM; its output goes to `<dir>/services.log`.
    ///
    /// @param cassandra        also start the Cassandra child JVM
    /// @param untilStdinCloses pass `--until-stdin-closes`
    static DevServicesChildJvm start(Path dir, boolean cassandra, boolean untilStdinCloses)
            throws IOException, InterruptedException {
        return start(dir, cassandra, untilStdinCloses, true);
    }

    /// As [#start(Path, boolean, boolean)], with `clean = false` keeping the PostgreSQL cluster as the
    /// application's own dev services do (`convene.dev-services.clean`).
    static DevServicesChildJvm start(Path dir, boolean cassandra, boolean untilStdinCloses, boolean clean)
            throws IOException, InterruptedException {
        Path env = dir.resolve("env");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dconvene.dev-services.clean=" + clean,
                "-Dconvene.dev-services.cassandra-java="
                        + (cassandra ? DevServicesSettings.DEFAULT_CASSANDRA_JAVA : DevServicesSettings.NO_CASSANDRA),
                "-cp", System.getProperty("java.class.path"),
                DevServicesMain.class.getName(), dir.resolve("data").toString(), env.toString()));
        if (untilStdinCloses) {
            command.add(DevServicesMain.UNTIL_STDIN_CLOSES);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("services.log").toFile()).start();
        DevServicesChildJvm child = new DevServicesChildJvm(dir, process);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(env)) {
            if (!process.isAlive()) {
                throw new AssertionError("DevServicesMain exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("services.log")));
            }
            if (System.nanoTime() > deadline) {
                child.close();
                throw new AssertionError("DevServicesMain not ready within " + READY_TIMEOUT);
            }
            Thread.sleep(100);
        }
        process.descendants().forEach(child.seen::add);
        child.postmaster();
        return child;
    }

    /// The JDBC URL DevServicesMain wrote to the env file.
    String jdbcUrl() throws IOException {
        return Files.readAllLines(dir.resolve("env")).stream()
                .filter(l -> l.startsWith("export " + DevServices.SHARED_JDBC_URL_ENV + "="))
                .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow();
    }

    /// The child JVM.
    Process jvm() {
        return jvm;
    }

    /// The one descendant of the child JVM with this kernel name (`redis-server`; `java` is the Cassandra JVM).
    ProcessHandle only(String comm) {
        return only(h -> comm(h).equals(comm));
    }

    /// The watchdog processes among the child JVM's descendants.
    List<ProcessHandle> watchdogs() {
        return jvm.descendants().filter(h -> h.info().arguments()
                .map(a -> List.of(a).contains(ParentWatchdog.PROCESS_NAME)).orElse(false)).toList();
    }

    /// The postmaster, from the first line of `<dir>/data/postgres/postmaster.pid`.
    ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("data/postgres/postmaster.pid")).getFirst().trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        if (!seen.contains(handle)) {
            seen.add(handle);
        }
        return handle;
    }

    private ProcessHandle only(Predicate<ProcessHandle> which) {
        List<ProcessHandle> found = jvm.descendants().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such child of the services JVM: " + found);
        return found.getFirst();
    }

    /// The kernel's name of the process (`/proc/<pid>/comm`): `redis-server` although `/usr/bin/redis-server` is
    /// a link to `redis-check-rdb`.
    static String comm(ProcessHandle h) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(h.pid()), "comm")).trim();
        } catch (IOException gone) {
            return "";
        }
    }

    /// Alive and not a zombie (a zombie holds no port, lock or memory; this machine's PID 1 does not reap orphans).
    static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    /// Waits until none of `processes` is [#running(ProcessHandle)], polling every 50 ms.
    ///
    /// @throws AssertionError naming the ones still running after `timeout`
    static void awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(DevServicesChildJvm::running)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running " + timeout + " later: " + processes.stream()
                        .filter(DevServicesChildJvm::running).map(h -> h.pid() + " " + comm(h)).toList());
            }
            Thread.sleep(50);
        }
    }

    /// A fresh, empty `target/<suite>/<name>` directory.
    static Path freshDirectory(String suite, String name) throws IOException {
        Path dir = Path.of("target", suite, name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.destroyForcibly();
        try {
            awaitGone(seen, Duration.ofSeconds(40));
        } catch (AssertionError stillRunning) {
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
