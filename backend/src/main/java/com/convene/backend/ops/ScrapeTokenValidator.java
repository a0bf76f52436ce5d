package com.convene.backend.ops;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Accepts the configured scrape token (`convene.metrics.scrape-token`) as a bearer token on `/prometheus` only,
/// as the principal `metrics-scraper` with the single role [#ROLE]. Any other path or token: no authentication
/// from here (the JWT validator still runs). Compares in constant time.
@Singleton
final class ScrapeTokenValidator implements TokenValidator<HttpRequest<?>> {

    /// The role a scrape token carries; [AdminEndpointRule] lets it read `/prometheus`.
    static final String ROLE = "metrics";
    /// Path of the Prometheus management endpoint.
    static final String PATH = "/prometheus";
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeTokenValidator.class);
    private static final int MIN_LENGTH = 32;

    private final byte @Nullable [] token;

    ScrapeTokenValidator(MetricsConfig config) {
        String configured = config.scrapeToken();
        if (configured != null && !configured.isBlank() && configured.length() < MIN_LENGTH) {
            LOG.warn("convene.metrics.scrape-token ignored: shorter than {} characters", MIN_LENGTH);
            configured = null;
        }
        this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> validateToken(String candidate, @Nullable HttpRequest<?> request) {
        byte[] expected = token;
        if (expected == null || request == null || !PATH.equals(request.getPath())
                || !MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
            return Publishers.empty();
        }
        return Publishers.just(Authentication.build("metrics-scraper", List.of(ROLE)));
    }
}
