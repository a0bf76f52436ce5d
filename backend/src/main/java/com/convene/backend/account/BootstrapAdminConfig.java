package com.convene.backend.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/// The admin created on first start when no admin exists, prefix `convene.bootstrap.admin`.
///
/// Set the password through the environment (`CONVENE_BOOTSTRAP_ADMIN_PASSWORD`), never in a file in the repo.
/// Without one, a random password is generated and logged once at WARN.
///
/// @param username    login name (default `admin`)
/// @param email       e-mail address (default `admin@convene.local`)
/// @param displayName shown name (default `Administrator`)
/// @param password    initial password, 10–256 characters, or `null` to generate one
@ConfigurationProperties("convene.bootstrap.admin")
public record BootstrapAdminConfig(
        @Bindable(defaultValue = "admin") @NotBlank String username,
        @Bindable(defaultValue = "admin@convene.local") @NotBlank String email,
        @Bindable(defaultValue = "Administrator") @NotBlank String displayName,
        @Nullable String password) {

    /// Hides the password from logs.
    @Override
    public String toString() {
        return "BootstrapAdminConfig[username=" + username + ", email=" + email + ", password=***]";
    }
}
