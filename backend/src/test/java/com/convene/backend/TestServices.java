package com.convene.backend;

import com.convene.backend.config.JwtSecretFile;
import com.convene.backend.devservices.DevServices;
import com.convene.backend.devservices.DevServicesSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// The backing services of the whole test JVM: the test run's shared ones when scripts/test.sh started them
/// ([DevServices#sharedProperties()]), otherwise started once on first use (embedded PostgreSQL and
/// `redis-server` via [DevServices], data under `target/devservices`, wiped on start), stopped by the JVM
/// shutdown hook that [DevServices] registers. Test classes reach it through [BackendTestSupport].
public final class TestServices {

    /// Password of the bootstrap admin in tests.
    public static final String ADMIN_PASSWORD = "test-admin-password-0";
    /// User name of the bootstrap admin in tests.
    public static final String ADMIN_USERNAME = "admin";

    private static Map<String, String> properties;

    private TestServices() {
    }

    /// Micronaut properties for `@MicronautTest`: datasource, Redis, JWT secret, bootstrap admin.
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            String dir = System.getProperty("convene.dev-services.dir", "target/devservices");
            DevServicesSettings settings = new DevServicesSettings(true, Path.of(dir).toAbsolutePath(), true,
                    System.getProperty("convene.dev-services.redis-server", "redis-server"));
            Map<String, Object> services =
                    DevServices.sharedProperties().orElseGet(() -> DevServices.start(settings).properties());
            Map<String, String> props = new HashMap<>();
            services.forEach((k, v) -> props.put(k, String.valueOf(v)));
            props.put(JwtSecretFile.PROPERTY, JwtSecretFile.generate());
            props.put("convene.bootstrap.admin.password", ADMIN_PASSWORD);
            props.put("convene.bootstrap.admin.username", ADMIN_USERNAME);
            props.put("convene.meeting.public-base-url", "https://meet.example.test");
            props.put("convene.sfu.bind-address", System.getProperty("convene.sfu.bind-address", "127.0.0.1"));
            props.put("convene.sfu.advertised-addresses",
                    System.getProperty("convene.sfu.advertised-addresses", "127.0.0.1"));
            props.put("convene.sfu.udp-port", "0");
            // every test JVM logs in from the same loopback address; LoginRateLimitIT tests the limit on its own
            props.put("convene.account.login-rate-limit", "100000");
            // the tests register their own members; registration is closed by default (docs/security.md)
            props.put("convene.account.registration-enabled", "true");
            props.put("convene.outbox.directory", java.nio.file.Path.of("target", "outbox").toAbsolutePath().toString());
            properties = Map.copyOf(props);
        }
        return properties;
    }
}
