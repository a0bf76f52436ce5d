package com.convene.backend.problem;

import com.convene.model.api.Problem;
import io.lettuce.core.RedisException;
import io.micronaut.context.annotation.Requires;
import com.convene.backend.ops.RedisUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Turns a Redis failure that reached the request edge unwrapped (sign-in's rate limit and refresh tokens use
/// Redis directly) into `503 urn:convene:problem:service-unavailable` instead of a generic 500, so clients can
/// tell "try again later" from a bug; `Retry-After` says when the Redis breaker probes again (1 s otherwise).
/// Commands fail at once while Redis is unreachable (docs/decisions/061-redis-outage.md), so such requests do not
/// hang. Sign-in fails closed this way while Redis is down (docs/security.md).
@Produces
@Singleton
@Requires(classes = {RedisException.class, ExceptionHandler.class})
final class RedisUnavailableHandler implements ExceptionHandler<RedisException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RedisException exception) {
        LOG.warn("Request failed, Redis unavailable: path={} error={}", request.getPath(), exception.toString());
        ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
        Problem problem = ProblemResponses.problem(type, "Live state is unavailable right now; try again later.",
                request, List.of());
        long retryAfterSeconds = exception instanceof RedisUnavailableException open
                ? Math.max(1, Math.ceilDiv(open.retryAfterMillis(), 1000)) : 1;
        return ProblemResponses.fill(HttpResponse.status(type.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)), problem, request);
    }
}
