package com.convene.backend.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.reactivestreams.Publisher;

/// Who may read sensitive management endpoints (`/prometheus`): an `admin` access token, or the scrape token
/// ([ScrapeTokenValidator], role `metrics`). Everyone else authenticated gets 403, anonymous callers 401.
/// `/health` is not sensitive and stays open to load balancers.
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class AdminEndpointRule extends SensitiveEndpointRule {

    AdminEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
            Authentication authentication, ExecutableMethod<?, ?> method) {
        Collection<String> roles = authentication.getRoles();
        boolean allowed = roles.contains("admin") || roles.contains(ScrapeTokenValidator.ROLE);
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
