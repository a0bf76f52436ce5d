package com.convene.backend.recording;

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

/// Answers an unsatisfiable `Range` with 416, the `range-not-satisfiable` problem and the `Content-Range:
/// bytes */size` header that RFC 9110 §15.5.17 asks for (the generic problem handler sets no headers).
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
final class RangeNotSatisfiableHandler implements ExceptionHandler<ByteRange.Unsatisfiable, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ByteRange.Unsatisfiable exception) {
        ProblemType type = ProblemType.RANGE_NOT_SATISFIABLE;
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status().getCode(),
                exception.getMessage(), request.getPath(), null);
        return HttpResponse.<Problem>status(type.status())
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + exception.size())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(problem);
    }
}
