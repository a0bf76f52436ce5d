package com.convene.backend.meeting;

import com.convene.backend.problem.ProblemType;
import com.convene.model.api.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/// Answers [PasswordAttemptsExceededException] as the 429 `too-many-requests` problem (RFC 9457) with a
/// `Retry-After` header in whole seconds (RFC 9110 §10.2.3), so a client can wait exactly as long as the bucket
/// needs (docs/decisions/093-rate-limits.md). More specific than the generic problem handler, so Micronaut picks
/// this one for the exception.
@Produces
@Singleton
@Requires(classes = {PasswordAttemptsExceededException.class, ExceptionHandler.class})
final class PasswordAttemptsExceededHandler
        implements ExceptionHandler<PasswordAttemptsExceededException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, PasswordAttemptsExceededException exception) {
        ProblemType type = exception.type();
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status().getCode(),
                exception.getMessage(), request.getPath(), null);
        return HttpResponse.<Problem>status(type.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString((exception.retryAfterMillis() + 999) / 1000))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(problem);
    }
}
