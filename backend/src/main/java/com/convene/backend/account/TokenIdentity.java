package com.convene.backend.account;

import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/// What every access token Convene issues says about itself (RFC 7519 §4.1): `iss` is the application name
/// (`micronaut.application.name`, `convene-backend`), `aud` is [#AUDIENCE] and `jti` a random UUID. Micronaut's
/// claims generator asks this bean for `aud` and `jti`; [StrictTokenValidator] requires all three.
@Singleton
final class TokenIdentity implements JtiGenerator, ClaimsAudienceProvider {

    /// The `aud` of Convene's access tokens: the REST API and the signaling socket.
    static final String AUDIENCE = "convene-api";

    private final String issuer;

    TokenIdentity(ApplicationConfiguration application) {
        this.issuer = application.getName().orElse("convene-backend");
    }

    /// The `iss` the claims generator writes and the validator requires.
    String issuer() {
        return issuer;
    }

    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }

    @Override
    public List<String> audience() {
        return List.of(AUDIENCE);
    }
}
