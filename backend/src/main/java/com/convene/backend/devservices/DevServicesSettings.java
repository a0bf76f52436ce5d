package com.convene.backend.devservices;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/// How [DevServices] starts: read from system properties and environment before any Micronaut context exists,
/// which is why this is not a `@ConfigurationProperties` record.
///
/// | key (system property) | environment variable | default |
/// |---|---|---|
/// | `convene.dev-services.enabled` | `CONVENE_DEV_SERVICES` | `true` when `DATASOURCES_DEFAULT_URL` is unset |
/// | `convene.dev-services.dir` | `CONVENE_DEV_SERVICES_DIR`, else `CONVENE_DATA_DIR` (scripts/run.sh) | `${user.home}/.convene/dev` |
/// | `convene.dev-services.clean` | `CONVENE_DEV_SERVICES_CLEAN` | `false` (keep data between runs) |
/// | `convene.dev-services.redis-server` | `CONVENE_DEV_SERVICES_REDIS_SERVER` | `redis-server` (from `PATH`) |
/// | `convene.dev-services.cassandra-java` | `CONVENE_DEV_SERVICES_CASSANDRA_JAVA` | JDK 17's `java` ([#DEFAULT_CASSANDRA_JAVA]); `none` starts no Cassandra |
///
/// @param enabled     whether to start the services at all
/// @param directory   root of all dev-service data: `postgres/` (cluster), `pg-dist/` (unpacked binaries),
///                    `redis/` (working dir and log) and the generated `jwt-secret`
/// @param clean       wipe the PostgreSQL cluster on start and stop (tests), or keep it (development)
/// @param redisServer command or absolute path of the `redis-server` executable (Redis 6.2 or newer)
/// @param cassandraJava `java` executable (JDK 11 or 17) for the Cassandra child JVM, or `none` to start no
///                    Cassandra (docs/decisions/020-cassandra-dev-jvm.md)
public record DevServicesSettings(boolean enabled, Path directory, boolean clean, String redisServer,
                                  String cassandraJava) {

    /// Debian's OpenJDK 17, the JDK the Cassandra child JVM runs on by default.
    public static final String DEFAULT_CASSANDRA_JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
    /// Value of [#cassandraJava()] that turns the Cassandra child JVM off.
    public static final String NO_CASSANDRA = "none";

    public DevServicesSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(redisServer, "redisServer");
        Objects.requireNonNull(cassandraJava, "cassandraJava");
    }

    /// Settings with the default Cassandra JVM ([#DEFAULT_CASSANDRA_JAVA], or the system property /
    /// environment variable when set).
    public DevServicesSettings(boolean enabled, Path directory, boolean clean, String redisServer) {
        this(enabled, directory, clean, redisServer, cassandraJavaFrom(System.getProperties(), System.getenv()));
    }

    /// Whether a Cassandra child JVM is started.
    public boolean cassandraEnabled() {
        return !NO_CASSANDRA.equalsIgnoreCase(cassandraJava);
    }

    static String cassandraJavaFrom(Properties props, Map<String, String> env) {
        String java = first(props.getProperty("convene.dev-services.cassandra-java"),
                env.get("CONVENE_DEV_SERVICES_CASSANDRA_JAVA"));
        return java == null ? DEFAULT_CASSANDRA_JAVA : java;
    }

    /// Reads the settings from the JVM's system properties and environment.
    public static DevServicesSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    /// Reads the settings from the given sources; system properties win over environment variables.
    ///
    /// @param props system properties
    /// @param env   environment variables
    static DevServicesSettings from(Properties props, Map<String, String> env) {
        String enabledText = first(props.getProperty("convene.dev-services.enabled"), env.get("CONVENE_DEV_SERVICES"));
        boolean enabled = enabledText == null
                ? isBlank(env.get("DATASOURCES_DEFAULT_URL")) && isBlank(props.getProperty("datasources.default.url"))
                : Boolean.parseBoolean(enabledText.trim().toLowerCase(Locale.ROOT));
        String dirText = first(props.getProperty("convene.dev-services.dir"),
                first(env.get("CONVENE_DEV_SERVICES_DIR"), env.get("CONVENE_DATA_DIR")));
        Path dir = dirText == null
                ? Path.of(props.getProperty("user.home", "."), ".convene", "dev")
                : Path.of(dirText);
        String cleanText = first(props.getProperty("convene.dev-services.clean"), env.get("CONVENE_DEV_SERVICES_CLEAN"));
        boolean clean = cleanText != null && Boolean.parseBoolean(cleanText.trim());
        String redis = first(props.getProperty("convene.dev-services.redis-server"),
                env.get("CONVENE_DEV_SERVICES_REDIS_SERVER"));
        return new DevServicesSettings(enabled, dir.toAbsolutePath().normalize(), clean,
                redis == null ? "redis-server" : redis, cassandraJavaFrom(props, env));
    }

    private static String first(String a, String b) {
        if (!isBlank(a)) {
            return a;
        }
        return isBlank(b) ? null : b;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
