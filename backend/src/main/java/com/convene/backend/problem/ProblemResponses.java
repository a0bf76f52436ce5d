package com.convene.backend.problem;

import com.convene.model.api.Problem;
import com.convene.model.api.ProblemFieldError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Builds problem bodies and sets the `application/problem+json` content type (RFC 9457 §3).
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Problem problem(ProblemType type, @Nullable String detail, @Nullable HttpRequest<?> request,
                           List<ProblemFieldError> errors) {
        return new Problem(
                type.uri().toString(),
                type.title(),
                type.status().getCode(),
                detail,
                request == null ? null : request.getPath(),
                errors.isEmpty() ? null : List.copyOf(errors));
    }

    static MutableHttpResponse<Problem> fill(MutableHttpResponse<?> response, Problem problem,
                                             @Nullable HttpRequest<?> request) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Problem> typed = (MutableHttpResponse<Problem>) response;
        if (request != null && request.getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return typed.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
        }
        return typed.body(problem).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }
}
