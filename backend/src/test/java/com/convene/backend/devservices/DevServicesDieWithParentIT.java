package com.convene.backend.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The dev services' processes end with the JVM that started them also when that JVM is killed with SIGKILL
/// (docs/decisions/087-dev-services-die-with-parent.md): [DevServicesMain] runs in a child JVM with real
/// `redis-server`, PostgreSQL and Cassandra, and Process#destroyForcibly sends it a real SIGKILL.
/// Takes 25–70 s, most of it Cassandra's start.
class DevServicesDieWithParentIT {

    private static final Logger LOG = LoggerFactory.getLogger(DevServicesDieWithParentIT.class);

    /// SIGKILL of the JVM running the services: redis-server, the postmaster and the Cassandra JVM are all gone
    /// within 15 s (Cassandra drains on SIGTERM; Redis and PostgreSQL take well under a second), and so are the
    /// watchdogs, one per service. Cassandra is left out only where its JDK 17 or classpath is missing.
    @Test
    void servicesEndSoonAfterTheirJvmIsKilled() throws Exception {
        Path dir = DevServicesChildJvm.freshDirectory("devservices-die", "sigkill");
        boolean cassandra = CassandraServerProcess.bundledClasspath().isPresent()
                && Files.isExecutable(Path.of(DevServicesSettings.DEFAULT_CASSANDRA_JAVA));
        try (DevServicesChildJvm child = DevServicesChildJvm.start(dir, cassandra, false)) {
            List<ProcessHandle> services = new ArrayList<>(List.of(child.only("redis-server"), child.postmaster()));
            if (cassandra) {
                services.add(child.only("java"));
            }
            List<ProcessHandle> watchdogs = child.watchdogs();
            assertEquals(services.size(), watchdogs.size(), "one watchdog per service");
            services.forEach(s -> assertTrue(DevServicesChildJvm.running(s), "runs before the kill: " + s.pid()));

            long killedNanos = System.nanoTime();
            child.jvm().destroyForcibly();
            assertTrue(child.jvm().waitFor(10, TimeUnit.SECONDS), "the JVM dies on SIGKILL");

            List<ProcessHandle> all = new ArrayList<>(services);
            all.addAll(watchdogs);
            DevServicesChildJvm.awaitGone(all, Duration.ofSeconds(15));
            LOG.info("{} services (cassandra={}) and their watchdogs gone {} ms after SIGKILL of their JVM",
                    services.size(), cassandra, (System.nanoTime() - killedNanos) / 1_000_000);
        }
    }
}
