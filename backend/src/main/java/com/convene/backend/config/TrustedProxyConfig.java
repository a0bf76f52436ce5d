package com.convene.backend.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/// Which reverse proxies the backend believes, prefix `convene.http`; defaults in `application.yml`
/// (docs/security.md, docs/decisions/090-trusted-proxy-and-sign-in-throttling.md).
///
/// @param trustedProxies addresses or CIDR blocks (`10.0.0.5`, `10.0.0.0/8`, `fd00::/8`) whose
///                       `X-Forwarded-For` / `Forwarded` headers name the client; empty by default, so the headers
///                       are ignored and the client is the TCP peer. Env `CONVENE_HTTP_TRUSTED_PROXIES`
///                       (comma-separated).
@ConfigurationProperties("convene.http")
public record TrustedProxyConfig(@Bindable(defaultValue = "") List<String> trustedProxies) {

    /// Copies the list; `null` (unset) is empty.
    public TrustedProxyConfig {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
