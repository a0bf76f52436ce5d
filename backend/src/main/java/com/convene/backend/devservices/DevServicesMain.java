package com.convene.backend.devservices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts PostgreSQL, Redis and Cassandra once for a whole test run and writes their coordinates to an env file, so every
/// test JVM of the run (backend, e2e) shares them instead of starting its own; see
/// [DevServices#sharedProperties()]. The JVM shutdown hook stops the services; if this JVM dies without it
/// (SIGKILL), their watchdogs do (docs/decisions/087-dev-services-die-with-parent.md).
///
/// Usage: `DevServicesMain <data-dir> <env-file> [--until-stdin-closes]`. The env file holds `export NAME=value` lines
/// for [DevServices#SHARED_JDBC_URL_ENV], [DevServices#SHARED_REDIS_URI_ENV] and [DevServices#SHARED_CASSANDRA_ENV]
/// and appears (atomically renamed into place) only when all are up: it is the readiness signal. Without the flag it
/// runs until killed; with `--until-stdin-closes` it also exits (status 0, stopping the services) when its
/// standard input reaches end-of-file, i.e. when whoever holds the other end of that pipe or FIFO ends, however it
/// ends (scripts/test-inside.sh). The databases are wiped at start unless the system property
/// `convene.dev-services.clean` is `false`.
public final class DevServicesMain {

    private static final Logger LOG = LoggerFactory.getLogger(DevServicesMain.class);
    /// The flag that ties this process's life to its standard input.
    static final String UNTIL_STDIN_CLOSES = "--until-stdin-closes";

    private DevServicesMain() {
    }

    /// Entry point; see the class comment.
    ///
    /// @throws IllegalArgumentException on a wrong command line
    /// @throws IOException              when the env file cannot be written
    public static void main(String[] args) throws IOException, InterruptedException {
        boolean untilStdinCloses = args.length == 3 && args[2].equals(UNTIL_STDIN_CLOSES);
        if (args.length != 2 && !untilStdinCloses) {
            throw new IllegalArgumentException("usage: DevServicesMain <data-dir> <env-file> [" + UNTIL_STDIN_CLOSES
                    + "]");
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path envFile = Path.of(args[1]).toAbsolutePath();
        boolean clean = Boolean.parseBoolean(System.getProperty("convene.dev-services.clean", "true"));
        DevServices services = DevServices.start(new DevServicesSettings(true, dir, clean,
                System.getProperty("convene.dev-services.redis-server", "redis-server")));
        String env = "export " + DevServices.SHARED_JDBC_URL_ENV + "=" + services.jdbcUrl() + "\n"
                + "export " + DevServices.SHARED_REDIS_URI_ENV + "=" + services.redisUri() + "\n"
                + services.cassandraContactPoint()
                        .map(cp -> "export " + DevServices.SHARED_CASSANDRA_ENV + "=" + cp + "\n").orElse("");
        Path tmp = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.createDirectories(envFile.getParent());
        Files.writeString(tmp, env, StandardCharsets.UTF_8);
        Files.move(tmp, envFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (untilStdinCloses) {
            System.in.transferTo(OutputStream.nullOutputStream());
            LOG.info("Standard input closed: stopping the dev services");
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
