package com.convene.backend.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The scripts' side of docs/decisions/087-dev-services-die-with-parent.md: [DevServicesMain] with
/// `--until-stdin-closes` ends with whoever holds its stdin. Real `redis-server` and PostgreSQL in a child JVM;
/// about 25 s.
class DevServicesMainStdinIT {

    private static final Logger LOG = LoggerFactory.getLogger(DevServicesMainStdinIT.class);

    /// With `--until-stdin-closes`, DevServicesMain exits by itself (status 0) when the other end of its stdin
    /// closes, as scripts/test-inside.sh's FIFO does when the script ends, and stops redis-server and the
    /// postmaster the clean way: their pid files are removed.
    @Test
    void devServicesMainStopsWhenItsStdinCloses() throws Exception {
        Path dir = DevServicesChildJvm.freshDirectory("devservices-stdin", "stdin");
        try (DevServicesChildJvm child = DevServicesChildJvm.start(dir, false, true)) {
            ProcessHandle redis = child.only("redis-server");
            ProcessHandle postgres = child.postmaster();

            long closedNanos = System.nanoTime();
            child.jvm().getOutputStream().close();

            assertTrue(child.jvm().waitFor(30, TimeUnit.SECONDS), "DevServicesMain exits when its stdin closes");
            assertEquals(0, child.jvm().exitValue());
            DevServicesChildJvm.awaitGone(List.of(redis, postgres), Duration.ofSeconds(5));
            LOG.info("DevServicesMain and its services gone {} ms after its stdin closed",
                    (System.nanoTime() - closedNanos) / 1_000_000);
            assertFalse(Files.exists(dir.resolve("data/redis.pid")), "stopped cleanly: pid file removed");
            assertFalse(Files.exists(dir.resolve("data/postgres.pid")), "stopped cleanly: pid file removed");
        }
    }
}
