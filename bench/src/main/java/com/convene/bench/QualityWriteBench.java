package com.convene.bench;

import com.convene.backend.analytics.AnalyticsStatements;
import com.convene.backend.analytics.CassandraConfig;
import com.convene.backend.analytics.CassandraConnector;
import com.convene.backend.analytics.QualitySample;
import com.convene.backend.devservices.CassandraServerProcess;
import com.convene.backend.devservices.DevServicesSettings;
import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/// Acceptance e of issue 4: writes N (default 1,000,000) `call_quality_metrics` rows to a real Cassandra through
/// the backend's own schema steps and prepared insert (`USING TTL` 30 days), with up to `--in-flight` asynchronous
/// writes outstanding, and prints rows/s with the JDK and CPU. A harness, not a test: nothing is asserted.
///
/// Options: `--rows=N` (default 1,000,000), `--in-flight=N` (default 256), `--partitions=N` (meeting/participant
/// pairs the rows spread over, default 1,000), `--contact-point=host:port` (default: start a Cassandra child JVM
/// like dev services do, under `bench/target/cassandra`, and stop it at the end).
///
/// Run: `mvn -q -pl bench -am -DskipTests -Pbench verify` (add `-Dbench.args="--rows=100000"` to change options).
public final class QualityWriteBench {

    private QualityWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = longOption(args, "rows", 1_000_000);
        int inFlight = (int) longOption(args, "in-flight", 256);
        int partitions = (int) longOption(args, "partitions", 1_000);
        String contactPoint = option(args, "contact-point", null);
        CassandraServerProcess server = null;
        if (contactPoint == null) {
            Path dir = Path.of("target/cassandra").toAbsolutePath();
            deleteRecursively(dir);
            long t0 = System.nanoTime();
            server = CassandraServerProcess.start(
                    System.getenv().getOrDefault("CONVENE_DEV_SERVICES_CASSANDRA_JAVA",
                            DevServicesSettings.DEFAULT_CASSANDRA_JAVA),
                    CassandraServerProcess.bundledClasspath().orElseThrow(), dir, freePort(), freePort());
            contactPoint = server.contactPoint();
            print("Cassandra child JVM ready in %d ms at %s", (System.nanoTime() - t0) / 1_000_000, contactPoint);
        }
        CassandraConfig config = new CassandraConfig(true, List.of(contactPoint), CassandraServerProcess.DATACENTER,
                "convene_bench", "{'class': 'SimpleStrategy', 'replication_factor': 1}", Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofDays(365), Duration.ofDays(30), 200_000, 128);
        try (CqlSession session = CassandraConnector.connectAndMigrate(config)) {
            AnalyticsStatements statements = AnalyticsStatements.prepare(session, config);
            UUID meeting = UUID.randomUUID();
            UUID[] participants = new UUID[partitions];
            for (int i = 0; i < partitions; i++) {
                participants[i] = UUID.randomUUID();
            }
            Instant base = Instant.now().minus(Duration.ofDays(1));
            // warm-up: 20,000 rows, not counted
            write(session, statements, meeting, participants, base.minus(Duration.ofDays(2)), 20_000, inFlight);
            long start = System.nanoTime();
            long failed = write(session, statements, meeting, participants, base, rows, inFlight);
            double seconds = (System.nanoTime() - start) / 1e9;
            print("QualityWriteBench: %,d rows in %.1f s = %,.0f rows/s (in-flight %d, %d partitions, failed %d)",
                    rows, seconds, rows / seconds, inFlight, partitions, failed);
            print("JDK %s (%s), %d cores, CPU %s", System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), cpuModel());
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static long write(CqlSession session, AnalyticsStatements statements, UUID meeting, UUID[] participants,
                              Instant base, long rows, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        for (long i = 0; i < rows; i++) {
            UUID participant = participants[(int) (i % participants.length)];
            // each participant gets one sample every 5 s, as clients send them
            Instant at = base.plusMillis(5_000L * (i / participants.length));
            QualitySample sample = new QualitySample(meeting, participant, at, 32_000, 0.01f, 3.5f, 12, 800_000,
                    0.0f, 30f, "640x360", 14, "wired", 2_000_000, 0.2f, 300);
            permits.acquire();
            session.executeAsync(statements.bindQuality(sample)).whenComplete((ok, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        if (firstError.get() != null) {
            print("first write error: %s", firstError.get());
        }
        return failed.get();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /// Command-line output of this tool (house style allows a tool's own report on stdout).
    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static String option(String[] args, String name, String fallback) {
        for (String a : args) {
            for (String part : a.split("\\s+")) {
                if (part.startsWith("--" + name + "=")) {
                    return part.substring(name.length() + 3);
                }
            }
        }
        return fallback;
    }

    private static long longOption(String[] args, String name, long fallback) {
        String v = option(args, name, null);
        return v == null ? fallback : Long.parseLong(v.replace("_", "").replace(",", ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
