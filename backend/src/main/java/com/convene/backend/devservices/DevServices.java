package com.convene.backend.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Embedded PostgreSQL 18, a `redis-server` child process and a Cassandra 5.0 child JVM
/// ([CassandraServerProcess]) on free loopback ports, started in parallel and stopped on JVM shutdown.
///
/// Data lives under [DevServicesSettings#directory()]: by default `${user.home}/.convene/dev` for the main job and
/// `backend/target/devservices` for tests (set by Surefire). PostgreSQL runs with trust authentication on
/// `127.0.0.1`, superuser `postgres`, database `convene`. Thread-safe after [#start(DevServicesSettings)] returns.
///
/// All three end with this JVM however it ends, SIGKILL included, and one left running by an earlier run is
/// stopped at the next start: each has a watchdog process and a pid file beside its directory
/// (docs/decisions/087-dev-services-die-with-parent.md).
public final class DevServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);

    /// Name of the application database created inside the embedded cluster.
    public static final String DATABASE = "convene";
    /// PostgreSQL superuser of the embedded cluster (trust authentication, no password).
    public static final String USER = "postgres";

    private final DevServicesSettings settings;
    private final EmbeddedPostgresServer postgres;
    private final RedisServerProcess redis;
    private final CassandraServerProcess cassandra;
    private volatile Thread shutdownHook;

    private DevServices(DevServicesSettings settings, EmbeddedPostgresServer postgres, RedisServerProcess redis,
                        CassandraServerProcess cassandra) {
        this.settings = settings;
        this.postgres = postgres;
        this.redis = redis;
        this.cassandra = cassandra;
        this.shutdownHook = Thread.ofPlatform().name("devservices-shutdown").unstarted(this::stop);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /// Starts the services in parallel; blocks until all accept connections (typically 1–5 s, 8–15 s with
    /// Cassandra).
    ///
    /// @throws UncheckedIOException when either service cannot start; the other one is stopped again
    public static DevServices start(DevServicesSettings settings) {
        Path dir = settings.directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dev-services directory " + dir, e);
        }
        int pgPort = freePort();
        int redisPort = freePort();
        CompletableFuture<EmbeddedPostgresServer> pg = CompletableFuture.supplyAsync(
                () -> startPostgres(settings, pgPort), DevServices::runOnPlatformThread);
        CompletableFuture<RedisServerProcess> rs = CompletableFuture.supplyAsync(() -> {
            try {
                return RedisServerProcess.start(settings.redisServer(), dir.resolve("redis"), redisPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DevServices::runOnPlatformThread);
        CompletableFuture<CassandraServerProcess> cs = CompletableFuture.supplyAsync(() -> startCassandra(settings),
                DevServices::runOnPlatformThread);
        try {
            CompletableFuture.allOf(pg, rs, cs).join();
        } catch (CompletionException e) {
            pg.thenAccept(EmbeddedPostgresServer::close);
            rs.thenAccept(RedisServerProcess::close);
            cs.thenAccept(c -> {
                if (c != null) {
                    c.close();
                }
            });
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io;
            }
            throw new IllegalStateException("dev services failed to start", e.getCause());
        }
        DevServices services = new DevServices(settings, pg.join(), rs.join(), cs.join());
        LOG.info("Dev services ready: jdbcUrl={} redisUri={} cassandra={} dir={}", services.jdbcUrl(),
                services.redisUri(), services.cassandraContactPoint().orElse("off"), dir);
        return services;
    }

    private static void runOnPlatformThread(Runnable task) {
        Thread.ofPlatform().name("devservices-start").daemon().start(task);
    }

    private static CassandraServerProcess startCassandra(DevServicesSettings settings) {
        if (!settings.cassandraEnabled()) {
            return null;
        }
        String classpath = CassandraServerProcess.bundledClasspath().orElseThrow(() -> new IllegalStateException(
                "dev-cassandra is not on the classpath; set CONVENE_DEV_SERVICES_CASSANDRA_JAVA=none to run without"));
        Path dir = settings.directory().resolve("cassandra");
        try {
            if (settings.clean()) {
                CassandraServerProcess.stopStale(dir);
                deleteRecursively(dir);
            }
            return CassandraServerProcess.start(settings.cassandraJava(), classpath, dir, freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cassandra failed to start", e);
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

    private static EmbeddedPostgresServer startPostgres(DevServicesSettings settings, int port) {
        try {
            return EmbeddedPostgresServer.start(settings.directory(), settings.clean(), port, DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /// JDBC URL of the `convene` database, e.g. `jdbc:postgresql://127.0.0.1:5xxxx/convene`.
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE;
    }

    /// Redis URI, e.g. `redis://127.0.0.1:6xxxx`.
    public String redisUri() {
        return "redis://127.0.0.1:" + redis.port();
    }

    /// Cassandra's CQL contact point `127.0.0.1:<port>`, when a Cassandra child JVM runs.
    public java.util.Optional<String> cassandraContactPoint() {
        return java.util.Optional.ofNullable(cassandra).map(CassandraServerProcess::contactPoint);
    }

    /// The Cassandra child JVM, when one was started (tests stop and restart it to prove degradation).
    public java.util.Optional<CassandraServerProcess> cassandra() {
        return java.util.Optional.ofNullable(cassandra);
    }

    /// The settings these services were started with.
    public DevServicesSettings settings() {
        return settings;
    }

    /// Micronaut properties that point the datasource, Flyway and Lettuce at these services.
    public Map<String, Object> properties() {
        return properties(jdbcUrl(), redisUri(), cassandraContactPoint().orElse(null));
    }

    /// Environment variable naming the JDBC URL of dev services another process of this test run started
    /// ([DevServicesMain], run once by `scripts/test.sh`).
    public static final String SHARED_JDBC_URL_ENV = "CONVENE_DEV_SERVICES_JDBC_URL";
    /// Environment variable naming the Redis URI of those shared dev services.
    public static final String SHARED_REDIS_URI_ENV = "CONVENE_DEV_SERVICES_REDIS_URI";
    /// Environment variable naming the Cassandra contact point (`host:port`) of those shared dev services.
    public static final String SHARED_CASSANDRA_ENV = "CONVENE_DEV_SERVICES_CASSANDRA";

    /// Properties for the dev services that [DevServicesMain] started for the whole test run, when
    /// [#SHARED_JDBC_URL_ENV] and [#SHARED_REDIS_URI_ENV] are set; empty otherwise (then start your own).
    public static java.util.Optional<Map<String, Object>> sharedProperties() {
        String jdbcUrl = System.getenv(SHARED_JDBC_URL_ENV);
        String redisUri = System.getenv(SHARED_REDIS_URI_ENV);
        if (jdbcUrl == null || jdbcUrl.isBlank() || redisUri == null || redisUri.isBlank()) {
            return java.util.Optional.empty();
        }
        String cassandra = System.getenv(SHARED_CASSANDRA_ENV);
        LOG.info("Using the test run's shared dev services: jdbcUrl={} redisUri={} cassandra={}", jdbcUrl, redisUri,
                cassandra);
        return java.util.Optional.of(properties(jdbcUrl, redisUri, cassandra == null || cassandra.isBlank() ? null
                : cassandra));
    }

    private static Map<String, Object> properties(String jdbcUrl, String redisUri, String cassandraContactPoint) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("datasources.default.url", jdbcUrl);
        props.put("datasources.default.username", USER);
        props.put("datasources.default.password", "");
        props.put("redis.uri", redisUri);
        if (cassandraContactPoint != null) {
            props.put("convene.cassandra.contact-points", cassandraContactPoint);
            props.put("convene.cassandra.local-datacenter", CassandraServerProcess.DATACENTER);
        } else {
            props.put("convene.cassandra.enabled", false);
        }
        return props;
    }

    /// Replaces the JVM shutdown hook with one that runs `first` (e.g. closing the application context, so
    /// connection pools close before the servers go away) and then stops the services. JVM shutdown hooks run
    /// in no defined order, hence one hook for both.
    ///
    /// @param first runs before the services stop; its exceptions are logged and do not prevent the stop
    public synchronized void stopAfterOnShutdown(Runnable first) {
        Thread previous = shutdownHook;
        shutdownHook = Thread.ofPlatform().name("devservices-shutdown").unstarted(() -> {
            try {
                first.run();
            } catch (RuntimeException e) {
                LOG.warn("Shutdown step before dev services failed", e);
            }
            stop();
        });
        Runtime.getRuntime().removeShutdownHook(previous);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /// Stops both services now; also runs on JVM shutdown. Idempotent.
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already running as the hook
        }
        stop();
    }

    private synchronized void stop() {
        if (cassandra != null) {
            cassandra.close();
        }
        redis.close();
        postgres.close();
    }
}
