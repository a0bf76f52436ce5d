package com.convene.backend.account;

import com.convene.model.api.RegisterRequest;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Makes sure an admin exists on first start, from [BootstrapAdminConfig].
///
/// Runs once per start on the start-up thread (blocking JDBC is fine there). If no password is configured, a random
/// one is generated and logged once at WARN: the operator must copy it, and should change it.
@Singleton
final class AdminBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final BootstrapAdminConfig config;

    AdminBootstrap(AccountService accounts, BootstrapAdminConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.existsWithRole(Role.ADMIN)) {
            return;
        }
        if (accounts.usernameTaken(config.username())) {
            LOG.warn("No admin exists and user name {} is taken by a member; no admin was created",
                    config.username());
            return;
        }
        boolean generated = config.password() == null || config.password().isBlank();
        String password = generated ? generatePassword() : config.password();
        accounts.create(new RegisterRequest(config.username(), config.email(), password, config.displayName(), "UTC"),
                Role.ADMIN);
        if (generated) {
            // Logged once, on purpose: this is the only way an operator learns the generated password.
            LOG.warn("Created admin '{}' with generated password: {} (set convene.bootstrap.admin.password"
                    + " or CONVENE_BOOTSTRAP_ADMIN_PASSWORD to choose one)", config.username(), password);
        } else {
            LOG.info("Created admin '{}' from configuration", config.username());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
