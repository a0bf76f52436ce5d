package com.convene.backend.problem;

import com.convene.model.api.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Turns a [ProblemException] thrown by a controller or service into its problem response.
///
/// This is the request edge, so this is where such errors are logged: client errors at DEBUG, server errors at
/// ERROR with the cause.
@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        ProblemType type = exception.type();
        if (type.status().getCode() >= 500) {
            LOG.error("Request failed: type={} path={}", type.slug(), request.getPath(), exception);
        } else {
            LOG.debug("Request rejected: type={} path={} detail={}", type.slug(), request.getPath(),
                    exception.getMessage());
        }
        Problem problem = ProblemResponses.problem(type, exception.getMessage(), request, exception.fieldErrors());
        MutableHttpResponse<?> response = HttpResponse.status(type.status());
        if (exception.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        }
        return ProblemResponses.fill(response, problem, request);
    }
}
