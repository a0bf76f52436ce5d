package com.convene.backend;

import com.convene.backend.config.JwtSecretFile;
import com.convene.backend.devservices.DevServices;
import com.convene.backend.devservices.DevServicesSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Entry point of the backend.
///
/// When dev services are enabled (`CONVENE_DEV_SERVICES=true`, or by default when `DATASOURCES_DEFAULT_URL` is
/// not set) it first starts embedded PostgreSQL and `redis-server` (see [DevServicesSettings]) and hands their
/// addresses, plus a JWT secret kept in the dev-services directory, to Micronaut as properties. In production
/// everything comes from the environment: `DATASOURCES_DEFAULT_URL`, `DATASOURCES_DEFAULT_USERNAME`,
/// `DATASOURCES_DEFAULT_PASSWORD`, `REDIS_URI`, `CONVENE_JWT_SECRET`.
@OpenAPIDefinition(
        info = @Info(title = "convene", version = "v1",
                description = "Convene REST API: accounts, meetings, series, invitations, administration and audit."
                        + " Errors are application/problem+json (RFC 9457) with stable urn:convene:problem:* types.",
                license = @License(name = "Proprietary")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /// How long dev services wait on shutdown for the application context to stop first.
    private static final Duration CONTEXT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private Application() {
    }

    /// Starts dev services if enabled, then the Micronaut application.
    ///
    /// @param args command-line arguments passed on to Micronaut (`-key=value` overrides properties)
    public static void main(String[] args) {
        DevServicesSettings settings = DevServicesSettings.fromEnvironment();
        Map<String, Object> properties = new HashMap<>();
        DevServices services = null;
        if (settings.enabled()) {
            LOG.info("Starting dev services in {}", settings.directory());
            services = DevServices.start(settings);
            properties.putAll(services.properties());
            if (isBlank(System.getenv("CONVENE_JWT_SECRET")) && isBlank(System.getProperty(JwtSecretFile.PROPERTY))) {
                properties.put(JwtSecretFile.PROPERTY,
                        JwtSecretFile.loadOrCreate(settings.directory().resolve("jwt-secret")));
            }
        } else if (isBlank(System.getenv("CONVENE_JWT_SECRET")) && isBlank(System.getProperty(JwtSecretFile.PROPERTY))) {
            LOG.error("CONVENE_JWT_SECRET is not set; set it to at least 32 random bytes (e.g. `openssl rand -base64 48`)");
        }
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .start();
        if (services != null) {
            // Micronaut's own shutdown hook stops the context; calling stop() here as well deadlocks with it
            // (context and server monitors taken in opposite order). So wait for it, then stop the services,
            // so that connection pools close before PostgreSQL and Redis go away.
            services.stopAfterOnShutdown(() -> awaitStopped(context));
        }
    }

    private static void awaitStopped(ApplicationContext context) {
        long deadline = System.nanoTime() + CONTEXT_STOP_TIMEOUT.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
