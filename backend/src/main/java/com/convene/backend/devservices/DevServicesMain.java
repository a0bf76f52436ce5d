package com.convene.backend.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Starts PostgreSQL, Redis and Cassandra once for a whole test run and writes their coordinates to an env file, so every
/// test JVM of the run (backend, e2e) shares them instead of starting its own; see
/// [DevServices#sharedProperties()]. Runs until killed; the JVM shutdown hook stops both services.
///
/// Usage: `DevServicesMain <data-dir> <env-file>`; the env file holds `export NAME=value` lines for
/// [DevServices#SHARED_JDBC_URL_ENV], [DevServices#SHARED_REDIS_URI_ENV] and [DevServices#SHARED_CASSANDRA_ENV] and
/// appears only when all are up.
public final class DevServicesMain {
    private DevServicesMain() {
    }

    /// Entry point; see the class comment.
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DevServicesMain <data-dir> <env-file>");
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path envFile = Path.of(args[1]).toAbsolutePath();
        DevServices services = DevServices.start(new DevServicesSettings(true, dir, true,
                System.getProperty("convene.dev-services.redis-server", "redis-server")));
        String env = "export " + DevServices.SHARED_JDBC_URL_ENV + "=" + services.jdbcUrl() + "\n"
                + "export " + DevServices.SHARED_REDIS_URI_ENV + "=" + services.redisUri() + "\n"
                + services.cassandraContactPoint()
                        .map(cp -> "export " + DevServices.SHARED_CASSANDRA_ENV + "=" + cp + "\n").orElse("");
        Path tmp = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.createDirectories(envFile.getParent());
        Files.writeString(tmp, env, StandardCharsets.UTF_8);
        Files.move(tmp, envFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Thread.currentThread().join();
    }
}
